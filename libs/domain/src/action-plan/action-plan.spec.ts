import { ActionPlanFacts, buildActionPlan } from './action-plan';

const adult: ActionPlanFacts = {
  submittedBy: 'victim',
  ageBand: '18_plus',
  contentMadeUnder18: false,
  country: 'US',
  selfHarm: 'none',
  immediateDanger: false,
  demands: ['more_images'],
  contentPosted: 'no',
  paid: false,
};
const keys = (facts: Partial<ActionPlanFacts>) => buildActionPlan({ ...adult, ...facts }).map((s) => s.key);

describe('buildActionPlan', () => {
  it('always starts with not paying and keeping the messages, and never mentions sending the image', () => {
    const plan = buildActionPlan(adult);
    expect(plan.slice(0, 3).map((s) => s.key)).toEqual(['do_not_pay', 'stop_replying', 'preserve_evidence']);
    expect(plan.every((s) => s.done === false)).toBe(true);
    expect(plan.find((s) => s.key === 'preserve_evidence')?.detail).toMatch(/never need it/);
  });

  it('routes an adult to StopNCII and legal options, not to child protection', () => {
    const plan = keys({});
    expect(plan).toContain('stopncii');
    expect(plan).toContain('legal_options');
    expect(plan).not.toContain('take_it_down');
    expect(plan).not.toContain('report_child_protection');
  });

  it('routes a minor to child protection and Take It Down, not StopNCII', () => {
    const plan = keys({ ageBand: '13_17', contentMadeUnder18: null });
    expect(plan).toContain('take_it_down');
    expect(plan).toContain('report_child_protection');
    expect(plan).not.toContain('stopncii');
  });

  it('treats content made under 18 as the minor route even for an adult now', () => {
    const plan = keys({ contentMadeUnder18: true });
    expect(plan).toContain('take_it_down');
    expect(plan).not.toContain('stopncii');
  });

  it('shows both routes when the age is unknown, worded conditionally', () => {
    const plan = buildActionPlan({ ...adult, ageBand: 'unknown', contentMadeUnder18: null });
    const byKey = Object.fromEntries(plan.map((s) => [s.key, s]));
    expect(byKey['take_it_down'].title).toMatch(/^If the pictures were taken before you were 18/);
    expect(byKey['stopncii'].title).toMatch(/^If you are 18 or over/);
  });

  it('puts getting safe first when there is any risk of self-harm', () => {
    expect(keys({ selfHarm: 'thoughts' })[0]).toBe('get_safe_now');
    expect(keys({ immediateDanger: true })[0]).toBe('get_safe_now');
    expect(keys({ selfHarm: 'prefer_not_to_say' })).not.toContain('get_safe_now');
  });

  it('adds the money steps when money was demanded or paid', () => {
    expect(keys({ demands: ['money'] })).toContain('report_financial');
    expect(keys({ paid: true })).toContain('report_financial');
    expect(keys({})).not.toContain('report_financial');
    expect(buildActionPlan({ ...adult, paid: true })[0].detail).toMatch(/Stop any more payments/);
  });

  it('speaks to a parent about their child and adds talking early', () => {
    const plan = buildActionPlan({ ...adult, submittedBy: 'parent_or_guardian', ageBand: '13_17' });
    expect(plan.find((s) => s.key === 'talk_to_someone')?.title).toBe('Stay close and listen');
    expect(plan.map((s) => s.key)).toContain('talk_early');
  });

  it('has no duplicate steps', () => {
    const plan = keys({ ageBand: 'unknown', contentMadeUnder18: null, paid: true, selfHarm: 'thoughts', submittedBy: 'trusted_adult' });
    expect(new Set(plan).size).toBe(plan.length);
  });
});
