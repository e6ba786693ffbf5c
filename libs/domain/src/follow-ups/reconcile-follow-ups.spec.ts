import { DEFAULT_FOLLOW_UP_CADENCE, PlannedFollowUp } from './cadence';
import { CaseFollowUpInput, planCaseFollowUps, planTakedownFollowUps } from './plan-follow-ups';
import { ExistingFollowUp, FollowUpStatus, reconcileFollowUps } from './reconcile-follow-ups';

const t0 = new Date('2026-11-22T12:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(t0.getTime() + ms);
const cadence = DEFAULT_FOLLOW_UP_CADENCE;

interface Row extends ExistingFollowUp {
  id: string;
}

function wanted(dedupeKey: string, dueAt: Date): PlannedFollowUp {
  return { kind: 'case_review', dueAt, subject: { type: 'case', id: 'c1' }, dedupeKey, audience: 'assignee' };
}

function row(id: string, dedupeKey: string, status: FollowUpStatus, dueAt: Date): Row {
  return { id, dedupeKey, status, dueAt };
}

/** A tiny store that applies a reconciliation the way the API should (upsert, guarded updates). */
class Store {
  rows: Row[] = [];
  private next = 1;

  sync(plan: PlannedFollowUp[]) {
    const changes = reconcileFollowUps(this.rows, plan);
    for (const p of changes.toSchedule) {
      const revived = this.rows.find((r) => r.dedupeKey === p.dedupeKey && r.status === 'cancelled');
      if (revived) Object.assign(revived, { status: 'scheduled', dueAt: p.dueAt });
      else this.rows.push(row(`f${this.next++}`, p.dedupeKey, 'scheduled', p.dueAt));
    }
    for (const r of changes.toCancel) if (r.status === 'scheduled') r.status = 'cancelled';
    for (const { existing, wanted: w } of changes.toReschedule) if (existing.status === 'scheduled') existing.dueAt = w.dueAt;
    return changes;
  }

  /** What the worker does: fire everything due. */
  fire(now: Date) {
    for (const r of this.rows) if (r.status === 'scheduled' && r.dueAt.getTime() <= now.getTime()) r.status = 'fired';
  }

  byStatus(status: FollowUpStatus) {
    return this.rows.filter((r) => r.status === status).map((r) => r.dedupeKey);
  }
}

describe('reconcileFollowUps', () => {
  it('schedules everything when nothing exists', () => {
    const plan = [wanted('a', at(HOUR)), wanted('b', at(2 * HOUR))];
    expect(reconcileFollowUps([], plan)).toEqual({ toSchedule: plan, toCancel: [], toReschedule: [] });
  });

  it('changes nothing when the stored rows already match', () => {
    const existing = [row('1', 'a', 'scheduled', at(HOUR)), row('2', 'b', 'scheduled', at(2 * HOUR))];
    expect(reconcileFollowUps(existing, [wanted('a', at(HOUR)), wanted('b', at(2 * HOUR))])).toEqual({ toSchedule: [], toCancel: [], toReschedule: [] });
  });

  it('reschedules a scheduled row wanted at another time, and returns the caller row', () => {
    const existing = [row('1', 'a', 'scheduled', at(HOUR))];
    const moved = wanted('a', at(3 * HOUR));
    const result = reconcileFollowUps(existing, [moved]);
    expect(result.toReschedule).toEqual([{ existing: existing[0], wanted: moved }]);
    expect(result.toReschedule[0]?.existing.id).toBe('1');
    expect(result.toSchedule).toEqual([]);
    expect(result.toCancel).toEqual([]);
  });

  it('cancels scheduled rows nobody wants any more', () => {
    const existing = [row('1', 'a', 'scheduled', at(HOUR)), row('2', 'b', 'scheduled', at(HOUR))];
    expect(reconcileFollowUps(existing, [wanted('a', at(HOUR))]).toCancel).toEqual([existing[1]]);
  });

  it.each(['fired', 'done'] as const)('never touches a %s row: not cancelled, moved or made again', (status) => {
    const existing = [row('1', 'a', status, at(HOUR)), row('2', 'b', status, at(HOUR))];
    // 'a' still wanted at a new time, 'b' no longer wanted.
    expect(reconcileFollowUps(existing, [wanted('a', at(5 * HOUR))])).toEqual({ toSchedule: [], toCancel: [], toReschedule: [] });
  });

  it('leaves cancelled rows alone when not wanted, and schedules (revives) them when wanted again', () => {
    const existing = [row('1', 'a', 'cancelled', at(HOUR)), row('2', 'b', 'cancelled', at(HOUR))];
    const again = wanted('a', at(HOUR));
    expect(reconcileFollowUps(existing, [again])).toEqual({ toSchedule: [again], toCancel: [], toReschedule: [] });
  });

  it('keeps one live row per key: duplicates are cancelled, and so is a twin of one that fired', () => {
    const duplicates = [row('1', 'a', 'scheduled', at(HOUR)), row('2', 'a', 'scheduled', at(HOUR))];
    expect(reconcileFollowUps(duplicates, [wanted('a', at(HOUR))])).toEqual({ toSchedule: [], toCancel: [duplicates[1]], toReschedule: [] });
    const twin = [row('1', 'a', 'fired', at(HOUR)), row('2', 'a', 'scheduled', at(HOUR))];
    expect(reconcileFollowUps(twin, [wanted('a', at(HOUR))])).toEqual({ toSchedule: [], toCancel: [twin[1]], toReschedule: [] });
  });

  it('takes the first of two wanted follow-ups with the same key', () => {
    const first = wanted('a', at(HOUR));
    expect(reconcileFollowUps([], [first, wanted('a', at(2 * HOUR))]).toSchedule).toEqual([first]);
  });

  it('does not mutate its inputs', () => {
    const existing = [row('1', 'a', 'scheduled', at(HOUR))];
    const plan = [wanted('a', at(2 * HOUR)), wanted('b', at(HOUR))];
    const snapshot = JSON.stringify({ existing, plan });
    reconcileFollowUps(existing, plan);
    expect(JSON.stringify({ existing, plan })).toBe(snapshot);
  });

  describe('with the planners', () => {
    const urgentCase: CaseFollowUpInput = {
      id: 'c1',
      priority: 'urgent',
      status: 'new',
      createdAt: t0,
      deadlineAt: at(20 * HOUR),
      assigneeId: null,
      firstRespondedAt: null,
      firstResponseDueAt: at(HOUR),
    };

    it('is idempotent: planning again changes nothing', () => {
      const store = new Store();
      store.sync(planCaseFollowUps(urgentCase, cadence, t0));
      expect(store.rows).toHaveLength(7);
      expect(store.sync(planCaseFollowUps(urgentCase, cadence, at(HOUR / 2)))).toEqual({ toSchedule: [], toCancel: [], toReschedule: [] });
    });

    it('a new deadline moves the reminder: the old one is cancelled, the new one scheduled', () => {
      const store = new Store();
      store.sync(planCaseFollowUps(urgentCase, cadence, t0));
      const changes = store.sync(planCaseFollowUps({ ...urgentCase, deadlineAt: at(40 * HOUR) }, cadence, at(HOUR / 2)));
      expect(changes.toCancel.map((r) => r.dedupeKey)).toEqual([`deadline_reminder:c1:${at(20 * HOUR).toISOString()}`]);
      expect(changes.toSchedule.map((p) => [p.dedupeKey, p.dueAt])).toEqual([[`deadline_reminder:c1:${at(40 * HOUR).toISOString()}`, at(38 * HOUR)]]);
      expect(changes.toReschedule).toEqual([]);
    });

    it('a new deadline after the first reminder fired still gets its own reminder', () => {
      const store = new Store();
      store.sync(planCaseFollowUps(urgentCase, cadence, t0));
      store.fire(at(19 * HOUR));
      const changes = store.sync(planCaseFollowUps({ ...urgentCase, deadlineAt: at(30 * HOUR) }, cadence, at(19 * HOUR)));
      expect(changes.toSchedule.map((p) => p.kind)).toEqual(['deadline_reminder']);
      expect(changes.toCancel).toEqual([]);
    });

    it('retriage reschedules the SLA escalation; claiming the case cancels it', () => {
      const store = new Store();
      store.sync(planCaseFollowUps(urgentCase, cadence, t0));
      const retriaged = store.sync(planCaseFollowUps({ ...urgentCase, priority: 'emergency', firstResponseDueAt: at(HOUR / 4) }, cadence, at(HOUR / 8)));
      expect(retriaged.toReschedule.map(({ existing, wanted: w }) => [existing.dedupeKey, w.dueAt])).toEqual([['sla_escalation:c1', at(HOUR / 4)]]);
      const claimed = store.sync(planCaseFollowUps({ ...urgentCase, status: 'in_progress', assigneeId: 'staff-1' }, cadence, at(HOUR / 8)));
      expect(claimed.toCancel.map((r) => r.dedupeKey)).toEqual(['sla_escalation:c1']);
    });

    it('a lowered priority cancels the pending wellbeing checks, and keeps the one that fired', () => {
      const store = new Store();
      store.sync(planCaseFollowUps(urgentCase, cadence, t0));
      store.fire(at(5 * HOUR));
      const changes = store.sync(planCaseFollowUps({ ...urgentCase, priority: 'high' }, cadence, at(5 * HOUR)));
      expect(changes.toCancel.map((r) => r.dedupeKey)).toEqual(['wellbeing_check:c1:2']);
      expect(store.byStatus('fired')).toEqual(expect.arrayContaining(['wellbeing_check:c1:1', 'sla_escalation:c1']));
    });

    it('a missed slot is superseded by the next one: one catch-up, not two', () => {
      const store = new Store();
      store.sync(planCaseFollowUps(urgentCase, cadence, t0));
      // The worker was down from hour 3 to hour 25.
      const changes = store.sync(planCaseFollowUps(urgentCase, cadence, at(25 * HOUR)));
      expect(changes.toCancel.map((r) => r.dedupeKey)).toEqual(['wellbeing_check:c1:1', `deadline_reminder:c1:${at(20 * HOUR).toISOString()}`]);
      store.fire(at(25 * HOUR));
      expect(store.byStatus('fired')).toEqual(['sla_escalation:c1', 'wellbeing_check:c1:2']);
    });

    it('a closed case cancels everything pending and leaves history alone', () => {
      const store = new Store();
      store.sync(planCaseFollowUps(urgentCase, cadence, t0));
      store.fire(at(8 * DAY));
      const changes = store.sync(planCaseFollowUps({ ...urgentCase, status: 'closed' }, cadence, at(8 * DAY)));
      expect(changes.toCancel.map((r) => r.dedupeKey)).toEqual(['case_review:c1:2', 'case_review:c1:3']);
      expect(changes.toSchedule).toEqual([]);
      expect(store.byStatus('scheduled')).toEqual([]);
      expect(store.byStatus('fired')).toHaveLength(5);
    });

    it('a reopened case revives what is still ahead', () => {
      const store = new Store();
      store.sync(planCaseFollowUps(urgentCase, cadence, t0));
      store.fire(at(8 * DAY));
      store.sync(planCaseFollowUps({ ...urgentCase, status: 'closed' }, cadence, at(8 * DAY)));
      const reopened = { ...urgentCase, status: 'in_progress' as const, assigneeId: 'staff-1', firstRespondedAt: at(HOUR) };
      const changes = store.sync(planCaseFollowUps(reopened, cadence, at(10 * DAY)));
      expect(changes.toSchedule.map((p) => p.dedupeKey)).toEqual(['case_review:c1:2', 'case_review:c1:3']);
      expect(store.rows.filter((r) => r.dedupeKey === 'case_review:c1:2')).toHaveLength(1);
    });

    it('a takedown marked removed cancels its chase and escalation and schedules re-checks', () => {
      const store = new Store();
      const takedown = { id: 't1', status: 'submitted' as const, submittedAt: t0, removedAt: null };
      store.sync(planTakedownFollowUps(takedown, cadence, t0));
      expect(store.byStatus('scheduled')).toEqual(['takedown_chase:t1', 'takedown_escalation:t1']);

      const changes = store.sync(planTakedownFollowUps({ ...takedown, status: 'removed', removedAt: at(DAY) }, cadence, at(DAY)));
      expect(changes.toCancel.map((r) => r.dedupeKey)).toEqual(['takedown_chase:t1', 'takedown_escalation:t1']);
      expect(changes.toSchedule.map((p) => [p.dedupeKey, p.dueAt])).toEqual([
        ['reappearance_check:t1:1', at(8 * DAY)],
        ['reappearance_check:t1:2', at(31 * DAY)],
      ]);
    });

    it('a takedown removed after the chase fired keeps the chase as history', () => {
      const store = new Store();
      const takedown = { id: 't1', status: 'acknowledged' as const, submittedAt: t0, removedAt: null };
      store.sync(planTakedownFollowUps(takedown, cadence, t0));
      store.fire(at(3 * DAY));
      const changes = store.sync(planTakedownFollowUps({ ...takedown, status: 'removed', removedAt: at(3 * DAY) }, cadence, at(3 * DAY)));
      expect(changes.toCancel.map((r) => r.dedupeKey)).toEqual(['takedown_escalation:t1']);
      expect(store.byStatus('fired')).toEqual(['takedown_chase:t1']);
    });

    it('content that reappears cancels the remaining re-check on the old request', () => {
      const store = new Store();
      const removed = { id: 't1', status: 'removed' as const, submittedAt: t0, removedAt: t0 };
      store.sync(planTakedownFollowUps(removed, cadence, t0));
      store.fire(at(7 * DAY));
      const changes = store.sync(planTakedownFollowUps({ ...removed, status: 'reappeared' }, cadence, at(7 * DAY)));
      expect(changes.toCancel.map((r) => r.dedupeKey)).toEqual(['reappearance_check:t1:2']);
    });
  });
});
