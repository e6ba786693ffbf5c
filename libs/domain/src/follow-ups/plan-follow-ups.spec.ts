import { CASE_STATUSES } from '../cases/case-lifecycle';
import { PRIORITIES } from '../triage/priority';
import { REPORT_STATUSES } from '../reports/report-lifecycle';
import { TAKEDOWN_STATUSES } from '../takedowns/takedown-lifecycle';
import { DEFAULT_FOLLOW_UP_CADENCE, PlannedFollowUp, scaleCadence } from './cadence';
import {
  CaseFollowUpInput,
  DeadlineRetriageInput,
  FollowUpPlanInput,
  ReportFollowUpInput,
  TakedownFollowUpInput,
  planCaseFollowUps,
  planClosureOffer,
  planDeadlineRetriage,
  planFollowUps,
  planReportFollowUps,
  planTakedownFollowUps,
} from './plan-follow-ups';
import { reconcileFollowUps } from './reconcile-follow-ups';

const t0 = new Date('2026-11-22T12:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(t0.getTime() + ms);
const cadence = DEFAULT_FOLLOW_UP_CADENCE;

/** A standard, held, answered case with no deadline: only reviews. Tests change one or two facts. */
const calmCase: CaseFollowUpInput = {
  id: 'c1',
  priority: 'standard',
  status: 'in_progress',
  createdAt: t0,
  deadlineAt: null,
  assigneeId: 'staff-1',
  firstRespondedAt: at(HOUR),
  firstResponseDueAt: at(48 * HOUR),
};

function planCase(changes: Partial<CaseFollowUpInput>, now = t0) {
  return planCaseFollowUps({ ...calmCase, ...changes }, cadence, now);
}

const keys = (planned: PlannedFollowUp[]) => planned.map((p) => p.dedupeKey);
const ofKind = (planned: PlannedFollowUp[], kind: PlannedFollowUp['kind']) => planned.filter((p) => p.kind === kind);

describe('planCaseFollowUps', () => {
  it('plans only case reviews at 7, 30 and 90 days for a calm case', () => {
    expect(planCase({})).toEqual([
      { kind: 'case_review', dueAt: at(7 * DAY), subject: { type: 'case', id: 'c1' }, dedupeKey: 'case_review:c1:1', audience: 'assignee' },
      { kind: 'case_review', dueAt: at(30 * DAY), subject: { type: 'case', id: 'c1' }, dedupeKey: 'case_review:c1:2', audience: 'assignee' },
      { kind: 'case_review', dueAt: at(90 * DAY), subject: { type: 'case', id: 'c1' }, dedupeKey: 'case_review:c1:3', audience: 'assignee' },
    ]);
  });

  it.each(PRIORITIES)('wellbeing checks at 4 and 24 hours only for emergency and urgent (%s)', (priority) => {
    const checks = ofKind(planCase({ priority }), 'wellbeing_check');
    if (priority === 'emergency' || priority === 'urgent') {
      expect(checks.map((c) => [c.dedupeKey, c.dueAt, c.audience])).toEqual([
        ['wellbeing_check:c1:1', at(4 * HOUR), 'assignee'],
        ['wellbeing_check:c1:2', at(24 * HOUR), 'assignee'],
      ]);
    } else {
      expect(checks).toEqual([]);
    }
  });

  it('returns everything sorted by due time', () => {
    const planned = planCase({ priority: 'urgent', deadlineAt: at(30 * HOUR), assigneeId: null, firstRespondedAt: null, firstResponseDueAt: at(HOUR) });
    expect(planned.map((p) => [p.kind, p.dueAt])).toEqual([
      ['sla_escalation', at(HOUR)],
      ['wellbeing_check', at(4 * HOUR)],
      ['wellbeing_check', at(24 * HOUR)],
      ['deadline_reminder', at(28 * HOUR)],
      ['case_review', at(7 * DAY)],
      ['case_review', at(30 * DAY)],
      ['case_review', at(90 * DAY)],
    ]);
  });

  describe('deadline reminder', () => {
    const deadline = at(10 * HOUR);

    it('is due 2 hours before the deadline, keyed by the deadline', () => {
      const [reminder] = ofKind(planCase({ deadlineAt: deadline }), 'deadline_reminder');
      expect(reminder).toEqual({
        kind: 'deadline_reminder',
        dueAt: at(8 * HOUR),
        subject: { type: 'case', id: 'c1' },
        dedupeKey: `deadline_reminder:c1:${deadline.toISOString()}`,
        audience: 'assignee',
      });
    });

    it('stays at its own time (due now) when planned after the reminder time but before the deadline', () => {
      for (const now of [at(8 * HOUR), at(9 * HOUR), at(10 * HOUR - 1)]) {
        expect(ofKind(planCase({ deadlineAt: deadline }, now), 'deadline_reminder').map((r) => r.dueAt)).toEqual([at(8 * HOUR)]);
      }
    });

    it('is not planned once the deadline has come', () => {
      expect(ofKind(planCase({ deadlineAt: deadline }, deadline), 'deadline_reminder')).toEqual([]);
      expect(ofKind(planCase({ deadlineAt: deadline }, at(11 * HOUR)), 'deadline_reminder')).toEqual([]);
    });

    it('is due at intake, not before it, when the deadline is less than 2 hours after intake', () => {
      expect(ofKind(planCase({ deadlineAt: at(30 * MINUTE) }), 'deadline_reminder').map((r) => r.dueAt)).toEqual([t0]);
    });

    it('gets a new key when the deadline changes', () => {
      const before = ofKind(planCase({ deadlineAt: deadline }), 'deadline_reminder')[0];
      const moved = ofKind(planCase({ deadlineAt: at(20 * HOUR) }), 'deadline_reminder')[0];
      expect(moved?.dueAt).toEqual(at(18 * HOUR));
      expect(moved?.dedupeKey).not.toBe(before?.dedupeKey);
    });

    it('is not planned without a deadline', () => {
      expect(ofKind(planCase({ deadlineAt: null }), 'deadline_reminder')).toEqual([]);
    });
  });

  describe('SLA escalation', () => {
    const unheld = { assigneeId: null, firstRespondedAt: null, firstResponseDueAt: at(15 * MINUTE) };

    it('goes to supervisors at the first-response due time while nobody holds the case', () => {
      expect(ofKind(planCase(unheld), 'sla_escalation')).toEqual([
        { kind: 'sla_escalation', dueAt: at(15 * MINUTE), subject: { type: 'case', id: 'c1' }, dedupeKey: 'sla_escalation:c1', audience: 'supervisors' },
      ]);
    });

    it('waits for the configured grace', () => {
      const planned = planCaseFollowUps({ ...calmCase, ...unheld }, { ...cadence, slaEscalationGraceMinutes: 10 }, t0);
      expect(ofKind(planned, 'sla_escalation').map((p) => p.dueAt)).toEqual([at(25 * MINUTE)]);
    });

    it('is not planned once someone holds the case or has responded', () => {
      expect(ofKind(planCase({ ...unheld, assigneeId: 'staff-1' }), 'sla_escalation')).toEqual([]);
      expect(ofKind(planCase({ ...unheld, firstRespondedAt: at(5 * MINUTE) }), 'sla_escalation')).toEqual([]);
    });

    it('is still planned once overdue (at its own time), so a late plan escalates at once', () => {
      expect(ofKind(planCase(unheld, at(2 * HOUR)), 'sla_escalation').map((p) => p.dueAt)).toEqual([at(15 * MINUTE)]);
    });

    it('keeps its key when retriage moves the due time', () => {
      const moved = ofKind(planCase({ ...unheld, firstResponseDueAt: at(HOUR) }), 'sla_escalation');
      expect(moved?.map((p) => [p.dedupeKey, p.dueAt])).toEqual([['sla_escalation:c1', at(HOUR)]]);
    });
  });

  describe('series planned late', () => {
    it('keeps every slot while the first is still ahead, and the first slot on the dot', () => {
      expect(keys(ofKind(planCase({ priority: 'urgent' }, at(4 * HOUR - 1)), 'wellbeing_check'))).toEqual(['wellbeing_check:c1:1', 'wellbeing_check:c1:2']);
      expect(keys(ofKind(planCase({ priority: 'urgent' }, at(4 * HOUR)), 'wellbeing_check'))).toEqual(['wellbeing_check:c1:1', 'wellbeing_check:c1:2']);
    });

    it('keeps only the latest slot already due, so a priority raised at hour 30 gives one check now', () => {
      expect(keys(ofKind(planCase({ priority: 'urgent' }, at(24 * HOUR)), 'wellbeing_check'))).toEqual(['wellbeing_check:c1:2']);
      const late = ofKind(planCase({ priority: 'urgent' }, at(30 * HOUR)), 'wellbeing_check');
      expect(late.map((p) => [p.dedupeKey, p.dueAt])).toEqual([['wellbeing_check:c1:2', at(24 * HOUR)]]);
    });

    it('gives one catch-up review for an old case, then the ones still ahead', () => {
      expect(keys(ofKind(planCase({}, at(40 * DAY)), 'case_review'))).toEqual(['case_review:c1:2', 'case_review:c1:3']);
      expect(keys(ofKind(planCase({}, at(200 * DAY)), 'case_review'))).toEqual(['case_review:c1:3']);
    });
  });

  it.each(CASE_STATUSES)('plans %s cases only while open', (status) => {
    const planned = planCase({ status, priority: 'emergency', deadlineAt: at(DAY), assigneeId: null, firstRespondedAt: null });
    if (status === 'resolved' || status === 'closed') expect(planned).toEqual([]);
    else expect(planned.length).toBeGreaterThan(0);
  });

  it('is the same whenever it is re-planned before anything falls due', () => {
    const input = { priority: 'urgent' as const, deadlineAt: at(3 * DAY), assigneeId: null, firstRespondedAt: null, firstResponseDueAt: at(HOUR) };
    expect(planCase(input, at(MINUTE))).toEqual(planCase(input, at(59 * MINUTE)));
  });

  it('runs a week in seconds with a scaled cadence', () => {
    const fast = scaleCadence(cadence, 1 / 3600);
    const planned = planCaseFollowUps({ ...calmCase, priority: 'emergency', deadlineAt: at(DAY) }, fast, t0);
    expect(planned.map((p) => [p.kind, p.dueAt.getTime() - t0.getTime()])).toEqual([
      ['wellbeing_check', 4_000],
      ['wellbeing_check', 24_000],
      ['case_review', 168_000],
      ['case_review', 720_000],
      ['case_review', 2_160_000],
      // Scaling changes follow-up offsets, not the deadline itself: 24 h minus 2 s.
      ['deadline_reminder', DAY - 2_000],
    ]);
  });

  it('rounds fractional scaled durations to the millisecond', () => {
    const odd = scaleCadence(cadence, 1 / 7);
    const [first] = ofKind(planCaseFollowUps({ ...calmCase, priority: 'urgent' }, odd, t0), 'wellbeing_check');
    expect((first?.dueAt.getTime() ?? NaN) - t0.getTime()).toBe(Math.round((240 * MINUTE) / 7));
  });
});

describe('planTakedownFollowUps', () => {
  const submitted: TakedownFollowUpInput = { id: 't1', status: 'submitted', submittedAt: t0, removedAt: null };
  const plan = (changes: Partial<TakedownFollowUpInput>, now = t0) => planTakedownFollowUps({ ...submitted, ...changes }, cadence, now);

  it.each(['submitted', 'acknowledged'] as const)('chases at 48 h and escalates to the caseworker and supervisors at 7 days while %s', (status) => {
    expect(plan({ status })).toEqual([
      { kind: 'takedown_chase', dueAt: at(48 * HOUR), subject: { type: 'takedown', id: 't1' }, dedupeKey: 'takedown_chase:t1', audience: 'assignee' },
      {
        kind: 'takedown_escalation',
        dueAt: at(7 * DAY),
        subject: { type: 'takedown', id: 't1' },
        dedupeKey: 'takedown_escalation:t1',
        audience: 'assignee_and_supervisors',
      },
    ]);
  });

  it('keeps both even when planned after both are due (different people act on them)', () => {
    expect(keys(plan({}, at(10 * DAY)))).toEqual(['takedown_chase:t1', 'takedown_escalation:t1']);
  });

  it('re-checks for reappearance 7 and 30 days after removal', () => {
    const removedAt = at(3 * DAY);
    expect(plan({ status: 'removed', removedAt }, removedAt)).toEqual([
      { kind: 'reappearance_check', dueAt: at(10 * DAY), subject: { type: 'takedown', id: 't1' }, dedupeKey: 'reappearance_check:t1:1', audience: 'assignee' },
      { kind: 'reappearance_check', dueAt: at(33 * DAY), subject: { type: 'takedown', id: 't1' }, dedupeKey: 'reappearance_check:t1:2', audience: 'assignee' },
    ]);
  });

  it('gives one catch-up re-check when removal is recorded late', () => {
    expect(keys(plan({ status: 'removed', removedAt: t0 }, at(7 * DAY)))).toEqual(['reappearance_check:t1:1', 'reappearance_check:t1:2']);
    expect(keys(plan({ status: 'removed', removedAt: t0 }, at(8 * DAY)))).toEqual(['reappearance_check:t1:1', 'reappearance_check:t1:2']);
    expect(keys(plan({ status: 'removed', removedAt: t0 }, at(30 * DAY)))).toEqual(['reappearance_check:t1:2']);
    expect(keys(plan({ status: 'removed', removedAt: t0 }, at(45 * DAY)))).toEqual(['reappearance_check:t1:2']);
  });

  it.each(TAKEDOWN_STATUSES.filter((s) => !['submitted', 'acknowledged', 'removed'].includes(s)))('plans nothing while %s', (status) => {
    expect(plan({ status, removedAt: t0 })).toEqual([]);
  });

  it('plans nothing when the timestamp it counts from is missing', () => {
    expect(plan({ status: 'submitted', submittedAt: null })).toEqual([]);
    expect(plan({ status: 'removed', removedAt: null })).toEqual([]);
  });

  it('runs with a scaled cadence', () => {
    const fast = scaleCadence(cadence, 1 / 3600);
    expect(planTakedownFollowUps(submitted, fast, t0).map((p) => p.dueAt)).toEqual([at(48_000), at(168_000)]);
  });
});

describe('planReportFollowUps', () => {
  const filed: ReportFollowUpInput = { id: 'r1', status: 'filed', filedAt: t0, referenceNumber: null };
  const plan = (changes: Partial<ReportFollowUpInput>, now = t0) => planReportFollowUps({ ...filed, ...changes }, cadence, now);

  it('follows up 7 and 30 days after filing while there is no reference', () => {
    expect(plan({})).toEqual([
      { kind: 'report_follow_up', dueAt: at(7 * DAY), subject: { type: 'report', id: 'r1' }, dedupeKey: 'report_follow_up:r1:1', audience: 'assignee' },
      { kind: 'report_follow_up', dueAt: at(30 * DAY), subject: { type: 'report', id: 'r1' }, dedupeKey: 'report_follow_up:r1:2', audience: 'assignee' },
    ]);
  });

  it('stops once a reference is recorded, but not for a blank one', () => {
    expect(plan({ referenceNumber: 'CT-2026-118' })).toEqual([]);
    expect(keys(plan({ referenceNumber: '  ' }))).toEqual(['report_follow_up:r1:1', 'report_follow_up:r1:2']);
  });

  it.each(REPORT_STATUSES.filter((s) => s !== 'filed'))('plans nothing while %s', (status) => {
    expect(plan({ status })).toEqual([]);
  });

  it('plans nothing without a filing time', () => {
    expect(plan({ filedAt: null })).toEqual([]);
  });

  it('gives one catch-up when planned late', () => {
    expect(keys(plan({}, at(31 * DAY)))).toEqual(['report_follow_up:r1:2']);
  });

  it('runs with a scaled cadence', () => {
    expect(planReportFollowUps(filed, scaleCadence(cadence, 1 / 3600), t0).map((p) => p.dueAt)).toEqual([at(168_000), at(720_000)]);
  });
});

describe('planClosureOffer', () => {
  const quiet = { id: 'c1', status: 'in_progress' as const, lastActivityAt: at(3 * DAY), closureOffersMade: 0 };

  it('offers closure 90 days after the last staff activity, to the caseworker', () => {
    expect(planClosureOffer(quiet, cadence)).toEqual([
      { kind: 'closure_offer', dueAt: at(93 * DAY), subject: { type: 'case', id: 'c1' }, dedupeKey: 'closure_offer:c1:1', audience: 'assignee' },
    ]);
  });

  it('moves with new activity under the same key, so the pending offer is rescheduled, not repeated', () => {
    const [later] = planClosureOffer({ ...quiet, lastActivityAt: at(40 * DAY) }, cadence);
    expect(later).toMatchObject({ dueAt: at(130 * DAY), dedupeKey: 'closure_offer:c1:1' });
  });

  it('comes round again as a new slot after an offer fired', () => {
    expect(planClosureOffer({ ...quiet, closureOffersMade: 1, lastActivityAt: at(93 * DAY) }, cadence).map((p) => [p.dedupeKey, p.dueAt])).toEqual([
      ['closure_offer:c1:2', at(183 * DAY)],
    ]);
  });

  it('follows the configured period, and still offers for a resolved case but not a closed one', () => {
    expect(planClosureOffer(quiet, { ...cadence, closureOfferMinutes: 60 * 24 * 30 })[0]?.dueAt).toEqual(at(33 * DAY));
    expect(planClosureOffer({ ...quiet, status: 'resolved' }, cadence)).toHaveLength(1);
    expect(planClosureOffer({ ...quiet, status: 'closed' }, cadence)).toEqual([]);
  });
});

describe('planFollowUps: what a case keeps by its status', () => {
  const input = (status: FollowUpPlanInput['case']['status']): FollowUpPlanInput => ({
    case: {
      ...calmCase,
      status,
      priority: 'urgent',
      deadlineAt: at(30 * HOUR),
      assigneeId: null,
      firstRespondedAt: null,
      firstResponseDueAt: at(HOUR),
      lastActivityAt: t0,
      closureOffersMade: 0,
    },
    takedowns: [
      { id: 't1', status: 'submitted', submittedAt: t0, removedAt: null },
      { id: 't2', status: 'removed', submittedAt: t0, removedAt: at(DAY) },
    ],
    reports: [{ id: 'r1', status: 'filed', filedAt: t0, referenceNumber: null }],
  });
  const kinds = (planned: PlannedFollowUp[]) => [...new Set(planned.map((p) => p.kind))].sort();

  it.each(['new', 'in_progress'] as const)('plans everything while the case is open (%s)', (status) => {
    expect(kinds(planFollowUps(input(status), cadence, t0))).toEqual([
      'case_review',
      'closure_offer',
      'deadline_reminder',
      'deadline_retriage',
      'reappearance_check',
      'report_follow_up',
      'sla_escalation',
      'takedown_chase',
      'takedown_escalation',
      'wellbeing_check',
    ]);
  });

  // Issue 10 (pinned): waiting on the person pauses the first-response target and its escalation; everything else stays.
  it('plans everything but the paused first-response escalation while the case waits on the person', () => {
    expect(kinds(planFollowUps(input('waiting'), cadence, t0))).toEqual([
      'case_review',
      'closure_offer',
      'deadline_reminder',
      'deadline_retriage',
      'reappearance_check',
      'report_follow_up',
      'takedown_chase',
      'takedown_escalation',
      'wellbeing_check',
    ]);
  });

  it('keeps the takedown re-checks, chases and report follow-ups of a resolved case, and its closure offer, but drops the case work', () => {
    const planned = planFollowUps(input('resolved'), cadence, t0);
    expect(kinds(planned)).toEqual(['closure_offer', 'reappearance_check', 'report_follow_up', 'takedown_chase', 'takedown_escalation']);
    expect(planned.map((p) => p.dueAt.getTime())).toEqual([...planned.map((p) => p.dueAt.getTime())].sort((a, b) => a - b));
  });

  it('plans nothing for a closed case', () => {
    expect(planFollowUps(input('closed'), cadence, t0)).toEqual([]);
  });
});

describe('first contact overdue on a held case (issue 10)', () => {
  const base = {
    id: 'c1',
    priority: 'emergency' as const,
    status: 'in_progress' as const,
    createdAt: new Date('2026-12-06T10:00:00Z'),
    deadlineAt: null,
    assigneeId: 'staff-1',
    firstRespondedAt: null,
    firstResponseDueAt: new Date('2026-12-06T10:15:00Z'),
  };
  const now = new Date('2026-12-06T10:01:00Z');

  it('escalates to the holder and the supervisors when a held case has had no contact by its target', () => {
    const planned = planCaseFollowUps(base, DEFAULT_FOLLOW_UP_CADENCE, now).filter((p) => p.kind === 'contact_overdue');
    expect(planned).toEqual([
      {
        kind: 'contact_overdue',
        dueAt: new Date(base.firstResponseDueAt.getTime() + DEFAULT_FOLLOW_UP_CADENCE.slaEscalationGraceMinutes * 60_000),
        subject: { type: 'case', id: 'c1' },
        dedupeKey: 'contact_overdue:c1',
        audience: 'assignee_and_supervisors',
      },
    ]);
    expect(planCaseFollowUps(base, DEFAULT_FOLLOW_UP_CADENCE, now).filter((p) => p.kind === 'sla_escalation')).toEqual([]);
  });

  it('plans nothing once the person has been contacted, or while nobody holds the case (the SLA escalation covers that)', () => {
    expect(planCaseFollowUps({ ...base, firstRespondedAt: now }, DEFAULT_FOLLOW_UP_CADENCE, now).filter((p) => p.kind === 'contact_overdue')).toEqual([]);
    expect(planCaseFollowUps({ ...base, assigneeId: null }, DEFAULT_FOLLOW_UP_CADENCE, now).filter((p) => p.kind === 'contact_overdue')).toEqual([]);
  });
});

describe('deadline re-triage (issue 10)', () => {
  const deadline = at(100 * HOUR);
  const base: DeadlineRetriageInput = { id: 'c1', status: 'in_progress', deadlineAt: deadline, triagedAt: t0 };
  const plan = (changes: Partial<DeadlineRetriageInput> = {}, now = t0) => planDeadlineRetriage({ ...base, ...changes }, now);
  const slots = (planned: PlannedFollowUp[]) => planned.map((p) => [p.dedupeKey, p.dueAt]);
  const key = (when: Date, threshold: string) => `deadline_retriage:c1:${when.toISOString()}:${threshold}`;

  it('plans one re-triage per threshold: 72 h and 24 h before the deadline and when it passes, to the holder and supervisors', () => {
    expect(plan()).toEqual([
      {
        kind: 'deadline_retriage',
        dueAt: at(28 * HOUR),
        subject: { type: 'case', id: 'c1' },
        dedupeKey: key(deadline, 'within_72h'),
        audience: 'assignee_and_supervisors',
      },
      {
        kind: 'deadline_retriage',
        dueAt: at(76 * HOUR),
        subject: { type: 'case', id: 'c1' },
        dedupeKey: key(deadline, 'within_24h'),
        audience: 'assignee_and_supervisors',
      },
      {
        kind: 'deadline_retriage',
        dueAt: at(100 * HOUR),
        subject: { type: 'case', id: 'c1' },
        dedupeKey: key(deadline, 'passed'),
        audience: 'assignee_and_supervisors',
      },
    ]);
  });

  it('plans only thresholds after the stored triage: a deadline 30 h away at intake is already high', () => {
    expect(slots(plan({ deadlineAt: at(30 * HOUR) }))).toEqual([
      [key(at(30 * HOUR), 'within_24h'), at(6 * HOUR)],
      [key(at(30 * HOUR), 'passed'), at(30 * HOUR)],
    ]);
    // Triaged exactly at a threshold: that triage counted it.
    expect(slots(plan({ deadlineAt: at(24 * HOUR) }))).toEqual([[key(at(24 * HOUR), 'passed'), at(24 * HOUR)]]);
  });

  it('plans nothing for a deadline that had passed when the case was triaged, or for no deadline', () => {
    expect(plan({ deadlineAt: at(-HOUR) })).toEqual([]);
    expect(plan({ deadlineAt: t0 })).toEqual([]);
    expect(plan({ deadlineAt: null })).toEqual([]);
  });

  it('keeps a threshold crossed since the stored triage, due at once (its job was on its way, or the worker was down)', () => {
    // Replanned at 80 h (a claim, a note) before the 76 h re-triage fired: it is not lost.
    expect(slots(plan({}, at(80 * HOUR)))).toEqual([
      [key(deadline, 'within_72h'), at(28 * HOUR)],
      [key(deadline, 'within_24h'), at(76 * HOUR)],
      [key(deadline, 'passed'), at(100 * HOUR)],
    ]);
    // Once a re-triage (at 76 h) is stored, what it counted is no longer wanted.
    expect(slots(plan({ triagedAt: at(76 * HOUR) }, at(80 * HOUR)))).toEqual([[key(deadline, 'passed'), at(100 * HOUR)]]);
  });

  it('is the same plan whenever it is planned again, before or after a threshold, until the triage changes', () => {
    expect(plan({}, at(HOUR))).toEqual(plan({}, at(50 * HOUR)));
    // Without a stored triage time, planning counts from now (planning right after a triage).
    expect(slots(plan({ triagedAt: undefined }, at(50 * HOUR)))).toEqual([
      [key(deadline, 'within_24h'), at(76 * HOUR)],
      [key(deadline, 'passed'), at(100 * HOUR)],
    ]);
  });

  it('a changed deadline plans a new set and cancels what is pending of the old one; what fired stays fired', () => {
    const existing = plan({}, t0).map((p, index) => ({
      dedupeKey: p.dedupeKey,
      dueAt: p.dueAt,
      status: index === 0 ? ('fired' as const) : ('scheduled' as const),
    }));
    const moved = at(200 * HOUR);
    const changes = reconcileFollowUps(existing, plan({ deadlineAt: moved, triagedAt: at(30 * HOUR) }, at(30 * HOUR)));
    expect(changes.toCancel.map((r) => r.dedupeKey)).toEqual([key(deadline, 'within_24h'), key(deadline, 'passed')]);
    expect(slots(changes.toSchedule)).toEqual([
      [key(moved, 'within_72h'), at(128 * HOUR)],
      [key(moved, 'within_24h'), at(176 * HOUR)],
      [key(moved, 'passed'), at(200 * HOUR)],
    ]);
    expect(changes.toReschedule).toEqual([]);
  });

  it.each(['resolved', 'closed'] as const)('plans nothing for a %s case (reconciling cancels what was pending)', (status) => {
    expect(plan({ status })).toEqual([]);
    const input: FollowUpPlanInput = {
      case: { ...calmCase, status, deadlineAt: deadline, lastActivityAt: t0, closureOffersMade: 0, triagedAt: t0 },
      takedowns: [],
      reports: [],
    };
    expect(planFollowUps(input, cadence, t0).filter((p) => p.kind === 'deadline_retriage')).toEqual([]);
  });

  it.each(['new', 'waiting'] as const)('plans them while the case is %s too', (status) => {
    expect(plan({ status })).toHaveLength(3);
  });

  it("is not scaled with the cadence: the thresholds are the triage table's real hours", () => {
    const input: FollowUpPlanInput = {
      case: { ...calmCase, deadlineAt: deadline, lastActivityAt: t0, closureOffersMade: 0, triagedAt: t0 },
      takedowns: [],
      reports: [],
    };
    const due = (c: typeof cadence) =>
      planFollowUps(input, c, t0)
        .filter((p) => p.kind === 'deadline_retriage')
        .map((p) => p.dueAt);
    expect(due(scaleCadence(cadence, 1 / 3600))).toEqual(due(cadence));
  });
});
