import { DEADLINE_THRESHOLDS, deadlineThresholdAt, deadlineThresholdOf, sortFactorsBySeverity, TriageFacts, triage } from './triage';

const now = new Date('2026-11-22T12:00:00Z');
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);

/** An adult with nothing pressing: the baseline every test changes one or two facts of. */
const calm: TriageFacts = {
  ageBand: '18_plus',
  contentMadeUnder18: false,
  selfHarm: 'none',
  immediateDanger: false,
  deadlineAt: null,
  contentPosted: 'no',
  stillInContact: false,
  paid: false,
};

function run(changes: Partial<TriageFacts>) {
  return triage({ ...calm, ...changes }, now);
}

describe('triage', () => {
  it('is standard with no factors and a 48 hour target when nothing fires', () => {
    const result = run({});
    expect(result.priority).toBe('standard');
    expect(result.factors).toEqual([]);
    expect(result.firstResponseDueAt).toEqual(hours(48));
  });

  it.each<[string, Partial<TriageFacts>, string, string]>([
    ['a self-harm plan', { selfHarm: 'plan_or_intent' }, 'emergency', 'self_harm_plan'],
    ['immediate danger', { immediateDanger: true }, 'emergency', 'immediate_danger'],
    ['under 13', { ageBand: 'under_13' }, 'urgent', 'under_18_now'],
    ['13 to 17', { ageBand: '13_17' }, 'urgent', 'under_18_now'],
    ['content made under 18', { contentMadeUnder18: true }, 'urgent', 'content_made_under_18'],
    ['thoughts of self-harm', { selfHarm: 'thoughts' }, 'urgent', 'self_harm_thoughts'],
    ['a deadline in 23 hours', { deadlineAt: hours(23) }, 'urgent', 'deadline_within_24h'],
    ['a deadline exactly 24 hours away', { deadlineAt: hours(24) }, 'urgent', 'deadline_within_24h'],
    ['a deadline already passed', { deadlineAt: hours(-2) }, 'urgent', 'deadline_passed'],
    ['a deadline in 25 hours', { deadlineAt: hours(25) }, 'high', 'deadline_within_72h'],
    ['a deadline exactly 72 hours away', { deadlineAt: hours(72) }, 'high', 'deadline_within_72h'],
    ['content already posted', { contentPosted: 'yes' }, 'high', 'content_posted'],
    ['still in contact', { stillInContact: true }, 'high', 'still_in_contact'],
    ['already paid', { paid: true }, 'high', 'already_paid'],
  ])('%s fires alone', (_name, changes, priority, factor) => {
    const result = run(changes);
    expect(result.priority).toBe(priority);
    expect(result.factors.map((f) => f.key)).toEqual([factor]);
  });

  it.each<[string, Partial<TriageFacts>]>([
    ['a deadline more than 72 hours away', { deadlineAt: hours(73) }],
    ['age unknown (routing only, never priority)', { ageBand: 'unknown', contentMadeUnder18: null }],
    ['self-harm not answered', { selfHarm: 'prefer_not_to_say' }],
    ['not knowing whether content is posted', { contentPosted: 'unknown' }],
    ['contact and payment not answered', { stillInContact: null, paid: null }],
  ])('%s does not raise priority', (_name, changes) => {
    expect(run(changes)).toMatchObject({ priority: 'standard', factors: [] });
  });

  it('lets the highest rule win and lists every factor that fired, most pressing first', () => {
    const result = run({ paid: true, ageBand: '13_17', selfHarm: 'plan_or_intent', contentPosted: 'yes' });
    expect(result.priority).toBe('emergency');
    expect(result.factors.map((f) => f.key)).toEqual(['self_harm_plan', 'under_18_now', 'content_posted', 'already_paid']);
    expect(result.factors[0]?.label).toBe('staff.factors.self_harm_plan');
  });

  it('combines two urgent factors without changing the target', () => {
    const result = run({ ageBand: 'under_13', contentMadeUnder18: true, deadlineAt: hours(3) });
    expect(result.priority).toBe('urgent');
    expect(result.factors.map((f) => f.key)).toEqual(['under_18_now', 'content_made_under_18', 'deadline_within_24h']);
    expect(result.firstResponseDueAt).toEqual(hours(1));
  });

  it('headlines self-harm over age when both make a case urgent (a teenager with thoughts of self-harm)', () => {
    const result = run({ ageBand: '13_17', contentMadeUnder18: true, selfHarm: 'thoughts', deadlineAt: hours(3) });
    expect(result.priority).toBe('urgent');
    expect(result.factors.map((f) => f.key)).toEqual(['self_harm_thoughts', 'under_18_now', 'content_made_under_18', 'deadline_within_24h']);
  });

  it('sorts stored factors most serious first, priority before seriousness, unknown keys last', () => {
    const stored = [
      { key: 'under_18_now', priority: 'urgent' as const },
      { key: 'retired_rule', priority: 'urgent' as const },
      { key: 'self_harm_thoughts', priority: 'urgent' as const },
      { key: 'immediate_danger', priority: 'emergency' as const },
    ];
    expect(sortFactorsBySeverity(stored).map((f) => f.key)).toEqual(['immediate_danger', 'self_harm_thoughts', 'under_18_now', 'retired_rule']);
  });

  it('sets the first-response target from the priority', () => {
    expect(run({ immediateDanger: true }).firstResponseDueAt).toEqual(new Date(now.getTime() + 15 * 60_000));
    expect(run({ paid: true }).firstResponseDueAt).toEqual(hours(8));
  });

  it('scales targets for demos and accepts an organisation’s own targets', () => {
    expect(triage({ ...calm }, now, { timeScale: 1 / 3600 }).firstResponseDueAt).toEqual(new Date(now.getTime() + 48_000));
    const own = { emergency: 5, urgent: 30, high: 120, standard: 600 };
    expect(triage({ ...calm, paid: true }, now, { targetMinutes: own }).firstResponseDueAt).toEqual(hours(2));
  });

  it('recomputes when facts change: a new close deadline raises a standard case to urgent', () => {
    expect(run({ deadlineAt: hours(100) }).priority).toBe('standard');
    expect(run({ deadlineAt: hours(10) }).priority).toBe('urgent');
  });

  it('never lowers priority when a factor is added (every pair of factors)', () => {
    const single: Partial<TriageFacts>[] = [
      { selfHarm: 'plan_or_intent' },
      { immediateDanger: true },
      { ageBand: '13_17' },
      { contentMadeUnder18: true },
      { selfHarm: 'thoughts' },
      { deadlineAt: hours(5) },
      { deadlineAt: hours(50) },
      { contentPosted: 'yes' },
      { stillInContact: true },
      { paid: true },
    ];
    const rank = { emergency: 0, urgent: 1, high: 2, standard: 3 } as const;
    for (const a of single) {
      for (const b of single) {
        const alone = rank[run(a).priority];
        const both = rank[run({ ...a, ...b }).priority];
        // Two answers to the same question (selfHarm, deadline) replace each other; skip those.
        if (Object.keys(a)[0] === Object.keys(b)[0]) continue;
        expect(both).toBeLessThanOrEqual(alone);
      }
    }
  });

  describe('as time passes a deadline (issue 10)', () => {
    const deadline = hours(100);
    const at = (h: number) => new Date(deadline.getTime() - h * 3_600_000);
    const triageAt = (when: Date, changes: Partial<TriageFacts> = {}) => triage({ ...calm, deadlineAt: deadline, ...changes }, when);

    it('moves standard → high at 72 h, → urgent at 24 h, and stays urgent with deadline_passed once it passes', () => {
      const path = [at(72.01), at(72), at(24.01), at(24), at(0.01), at(0), at(-48)].map((when) => {
        const result = triageAt(when);
        return [result.priority, result.factors.map((f) => f.key)];
      });
      expect(path).toEqual([
        ['standard', []],
        ['high', ['deadline_within_72h']],
        ['high', ['deadline_within_72h']],
        ['urgent', ['deadline_within_24h']],
        ['urgent', ['deadline_within_24h']],
        ['urgent', ['deadline_passed']],
        ['urgent', ['deadline_passed']],
      ]);
    });

    it('never makes a case an emergency on its own, at any moment', () => {
      for (let h = 200; h >= -200; h -= 0.5) expect(triageAt(at(h)).priority).not.toBe('emergency');
      // An emergency stays one (for its own reasons), with the deadline factor beside it.
      expect(triageAt(at(-1), { immediateDanger: true }).factors.map((f) => f.key)).toEqual(['immediate_danger', 'deadline_passed']);
    });

    it('names the thresholds it re-triages at, latest first in the factors, with a reason for the timeline', () => {
      expect(DEADLINE_THRESHOLDS.map((t) => deadlineThresholdAt(deadline, t))).toEqual([at(72), at(24), at(0)]);
      expect(deadlineThresholdOf(triageAt(at(30)).factors)?.reason).toBe('The deadline is less than 72 hours away');
      expect(deadlineThresholdOf(triageAt(at(3)).factors)?.reason).toBe('The deadline is less than 24 hours away');
      expect(deadlineThresholdOf(triageAt(at(-3)).factors)?.reason).toBe('The deadline has passed');
      expect(deadlineThresholdOf(triageAt(at(80)).factors)).toBeNull();
    });

    it('sorts deadline_passed with the urgent factors, after self-harm, age and content made under 18', () => {
      const result = triageAt(at(-1), { ageBand: '13_17', contentMadeUnder18: true, selfHarm: 'thoughts', paid: true });
      expect(result.factors.map((f) => f.key)).toEqual(['self_harm_thoughts', 'under_18_now', 'content_made_under_18', 'deadline_passed', 'already_paid']);
    });
  });
});
