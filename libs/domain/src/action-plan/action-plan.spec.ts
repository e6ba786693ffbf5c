import { ActionPlanFacts, ActionPlanStep, buildActionPlan, mayNeedCrisisSupport, reconcileActionPlan } from './action-plan';

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
    // The English words ("we never need it") are asserted in libs/i18n/src/domain-text.spec.ts.
    expect(plan.find((s) => s.key === 'preserve_evidence')?.detail).toEqual({ key: 'person.plan.preserve_evidence.detail', params: { voice: 'self' } });
    expect(plan.find((s) => s.key === 'do_not_pay')?.title).toEqual({ key: 'person.plan.do_not_pay.title', params: { voice: 'self' } });
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
    expect(byKey['take_it_down']?.title).toEqual({ key: 'person.plan.take_it_down.title', params: { voice: 'self', them: 'self', route: 'both' } });
    expect(byKey['stopncii']?.title).toEqual({ key: 'person.plan.stopncii.title', params: { voice: 'self', them: 'self', route: 'both' } });
  });

  it('puts getting safe first when there is any risk of self-harm', () => {
    expect(keys({ selfHarm: 'thoughts' })[0]).toBe('get_safe_now');
    expect(keys({ immediateDanger: true })[0]).toBe('get_safe_now');
    expect(keys({ selfHarm: 'prefer_not_to_say' })).not.toContain('get_safe_now');
  });

  it('still points someone who prefers not to say about self-harm to the crisis lines', () => {
    const support = (facts: Partial<ActionPlanFacts>) => buildActionPlan({ ...adult, ...facts }).find((s) => s.key === 'talk_to_someone')?.detail?.params;
    expect(support({ selfHarm: 'prefer_not_to_say' })).toMatchObject({ crisis: 'yes' });
    expect(support({ selfHarm: 'none' })).toMatchObject({ crisis: 'no' });
    expect(support({ selfHarm: 'prefer_not_to_say', submittedBy: 'parent_or_guardian', ageBand: '13_17' })).toMatchObject({ voice: 'helper', crisis: 'yes' });
    expect(mayNeedCrisisSupport({ selfHarm: 'prefer_not_to_say', immediateDanger: false })).toBe(true);
    expect(mayNeedCrisisSupport({ selfHarm: 'none', immediateDanger: false })).toBe(false);
  });

  it('brings taking the content down forward once it has been posted, after saving the evidence', () => {
    const posted = keys({ contentPosted: 'yes' });
    expect(posted.slice(0, 6)).toEqual(['do_not_pay', 'stop_replying', 'preserve_evidence', 'request_removal', 'stopncii', 'report_platform']);
    const minorPosted = keys({ contentPosted: 'yes', ageBand: '13_17', contentMadeUnder18: true });
    expect(minorPosted.indexOf('take_it_down')).toBe(minorPosted.indexOf('request_removal') + 1);
    expect(minorPosted.indexOf('take_it_down')).toBeLessThan(minorPosted.indexOf('report_police'));
    // Not posted: hashing to prevent it stays where it was, and there is nothing to ask a site to remove.
    const notPosted = keys({ contentPosted: 'no' });
    expect(notPosted).not.toContain('request_removal');
    expect(notPosted.indexOf('stopncii')).toBeGreaterThan(notPosted.indexOf('report_police'));
    expect(buildActionPlan({ ...adult, contentPosted: 'unknown' }).find((s) => s.key === 'request_removal')?.title).toEqual({
      key: 'person.plan.request_removal.title',
      params: { voice: 'self', posted: 'no' },
    });
    expect(buildActionPlan({ ...adult, contentPosted: 'yes' }).find((s) => s.key === 'request_removal')?.title.params).toEqual({
      voice: 'self',
      posted: 'yes',
    });
  });

  it('keeps the legal options for minors, worded for them and for a parent', () => {
    const teen = buildActionPlan({ ...adult, ageBand: '13_17', contentMadeUnder18: true }).find((s) => s.key === 'legal_options');
    expect(teen?.detail).toEqual({ key: 'person.plan.legal_options.detail', params: { voice: 'self', them: 'self', route: 'minor' } });
    const parent = buildActionPlan({ ...adult, submittedBy: 'parent_or_guardian', ageBand: 'under_13', contentMadeUnder18: true }).find(
      (s) => s.key === 'legal_options',
    );
    expect(parent?.detail?.params).toEqual({ voice: 'helper', them: 'child', route: 'minor' });
  });

  it('speaks to a parent or trusted adult about the young person, not to the victim', () => {
    const parent = buildActionPlan({
      ...adult,
      submittedBy: 'parent_or_guardian',
      ageBand: '13_17',
      contentMadeUnder18: true,
      selfHarm: 'thoughts',
      contentPosted: 'yes',
    });
    const byKey = Object.fromEntries(parent.map((s) => [s.key, s]));
    expect(byKey['get_safe_now']?.title).toEqual({ key: 'person.plan.get_safe_now.title', params: { voice: 'helper', them: 'child' } });
    expect(byKey['stop_replying']?.detail).toEqual({ key: 'person.plan.stop_replying.detail', params: { voice: 'helper', them: 'child' } });
    expect(byKey['report_child_protection']?.detail?.params).toEqual({ voice: 'helper', them: 'child' });
    expect(byKey['secure_accounts']?.title).toEqual({ key: 'person.plan.secure_accounts.title', params: { voice: 'helper' } });
    // Nothing tells the parent that they are the one being threatened: every step that has a voice speaks as to a helper.
    for (const step of parent) for (const text of [step.title, step.detail]) if (text.params?.['voice']) expect(text.params['voice']).toBe('helper');
    const adultHelper = buildActionPlan({ ...adult, submittedBy: 'trusted_adult', ageBand: 'unknown', contentMadeUnder18: null });
    expect(adultHelper.find((s) => s.key === 'take_it_down')?.title.params).toEqual({ voice: 'helper', them: 'young', route: 'both' });
    const helpingAnAdult = buildActionPlan({ ...adult, submittedBy: 'trusted_adult' });
    expect(helpingAnAdult.find((s) => s.key === 'stop_replying')?.detail?.params).toEqual({ voice: 'helper', them: 'person' });
  });

  it('adds the money steps when money was demanded or paid', () => {
    expect(keys({ demands: ['money'] })).toContain('report_financial');
    expect(keys({ paid: true })).toContain('report_financial');
    expect(keys({})).not.toContain('report_financial');
    expect(buildActionPlan({ ...adult, paid: true })[0]?.detail).toEqual({ key: 'person.plan.do_not_pay.detail', params: { voice: 'self', paid: 'yes' } });
    expect(buildActionPlan(adult)[0]?.detail?.params).toEqual({ voice: 'self', paid: 'no' });
  });

  it('speaks to a parent about their child and adds talking early', () => {
    const plan = buildActionPlan({ ...adult, submittedBy: 'parent_or_guardian', ageBand: '13_17' });
    expect(plan.find((s) => s.key === 'talk_to_someone')?.title).toEqual({ key: 'person.plan.talk_to_someone.title', params: { voice: 'helper' } });
    expect(plan.map((s) => s.key)).toContain('talk_early');
  });

  it('has no duplicate steps', () => {
    const plan = keys({ ageBand: 'unknown', contentMadeUnder18: null, paid: true, selfHarm: 'thoughts', submittedBy: 'trusted_adult' });
    expect(new Set(plan).size).toBe(plan.length);
  });
});

describe('reconcileActionPlan', () => {
  const stored = (facts: Partial<ActionPlanFacts>, done: string[] = []): ActionPlanStep[] =>
    buildActionPlan({ ...adult, ...facts }).map((step) => ({ ...step, done: done.includes(step.key) }));

  it('keeps progress, adds newly relevant steps and drops untouched ones that no longer apply', () => {
    const before = stored({ ageBand: 'unknown', contentMadeUnder18: null }, ['do_not_pay']);
    const result = reconcileActionPlan(before, { ...adult, ageBand: '13_17', contentMadeUnder18: true, selfHarm: 'thoughts' });
    const keys = result.steps.map((s) => s.key);
    expect(keys[0]).toBe('get_safe_now');
    expect(result.added).toEqual(['get_safe_now']);
    expect(result.removed).toEqual(['stopncii']);
    expect(keys).not.toContain('stopncii');
    expect(result.steps.find((s) => s.key === 'do_not_pay')?.done).toBe(true);
    // The wording follows the facts: no more "if you were under 18".
    expect(result.steps.find((s) => s.key === 'take_it_down')?.title.params).toMatchObject({ route: 'minor' });
    expect(result.changed).toBe(true);
  });

  it('never drops a step someone ticked, even when it no longer applies', () => {
    const before = stored({ ageBand: 'unknown', contentMadeUnder18: null }, ['stopncii', 'take_it_down']);
    const result = reconcileActionPlan(before, { ...adult, ageBand: '13_17', contentMadeUnder18: true });
    expect(result.keptDone).toEqual(['stopncii']);
    expect(result.removed).toEqual([]);
    const keys = result.steps.map((s) => s.key);
    // Where it was: right after Take It Down.
    expect(keys.indexOf('stopncii')).toBe(keys.indexOf('take_it_down') + 1);
    expect(result.steps.find((s) => s.key === 'stopncii')?.done).toBe(true);
  });

  it('reports no change when the facts call for the same plan', () => {
    const before = stored({}, ['preserve_evidence']);
    const result = reconcileActionPlan(before, adult);
    expect(result).toMatchObject({ added: [], removed: [], keptDone: [], changed: false });
    // Stored steps come back from JSON with their parameters in another order: still the same words.
    const reordered = before.map((step) => ({
      ...step,
      detail: { key: step.detail.key, params: Object.fromEntries(Object.entries(step.detail?.params ?? {}).reverse()) },
    }));
    expect(reconcileActionPlan(reordered, adult).changed).toBe(false);
  });

  it('rewords a step whose selectors changed', () => {
    const result = reconcileActionPlan(stored({}), { ...adult, paid: true });
    expect(result.changed).toBe(true);
    expect(result.steps.find((s) => s.key === 'do_not_pay')?.detail?.params).toEqual({ voice: 'self', paid: 'yes' });
  });

  it('reorders when content is found posted', () => {
    const result = reconcileActionPlan(stored({ contentPosted: 'no' }), { ...adult, contentPosted: 'yes' });
    expect(result.added).toEqual(['request_removal']);
    expect(result.steps.map((s) => s.key).indexOf('stopncii')).toBe(4);
  });
});
