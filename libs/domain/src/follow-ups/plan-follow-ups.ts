import { CaseStatus, OPEN_CASE_STATUSES } from '../cases/case-lifecycle';
import { ReportStatus } from '../reports/report-lifecycle';
import { TakedownStatus } from '../takedowns/takedown-lifecycle';
import { Priority } from '../triage/priority';
import { DEADLINE_THRESHOLDS, deadlineThresholdAt } from '../triage/triage';
import { FOLLOW_UP_AUDIENCE_BY_KIND, FollowUpCadence, FollowUpKind, FollowUpSubject, PlannedFollowUp, WELLBEING_CHECK_PRIORITIES } from './cadence';

/*
 * The planners say which follow-ups SHOULD exist for one subject; reconcileFollowUps turns that
 * into changes. Rules shared by all three:
 * - A due time is derived only from the subject's own timestamps, never from `now`, so planning
 *   again gives the same answer and reconciling it changes nothing. A due time in the past means
 *   "due now": the worker fires anything whose time has come.
 * - `now` only decides what is still worth having: a deadline that has passed needs no reminder,
 *   and in a series (reviews at 7, 30, 90 days) only the latest slot already due is kept, so a
 *   late plan (priority raised at hour 30, removal recorded a month late) fires one catch-up
 *   rather than a burst. A missed earlier slot still pending is cancelled as superseded.
 * - Dedupe keys name the slot, not its duration (`case_review:<id>:2` is the second review
 *   whatever the cadence says), so a changed cadence or time scale reschedules what is pending
 *   and never repeats what has already fired.
 * - Results are sorted by due time.
 */

export interface CaseFollowUpInput {
  id: string;
  priority: Priority;
  status: CaseStatus;
  /** Intake time: wellbeing checks and reviews count from it. */
  createdAt: Date;
  /** The threatener's deadline, if known. */
  deadlineAt: Date | null;
  assigneeId: string | null;
  firstRespondedAt: Date | null;
  firstResponseDueAt: Date;
}

export interface TakedownFollowUpInput {
  id: string;
  status: TakedownStatus;
  submittedAt: Date | null;
  removedAt: Date | null;
}

export interface ReportFollowUpInput {
  id: string;
  status: ReportStatus;
  filedAt: Date | null;
  referenceNumber: string | null;
}

const MINUTE_MS = 60_000;

function after(anchor: Date, minutes: number): Date {
  return new Date(anchor.getTime() + Math.round(minutes * MINUTE_MS));
}

function followUp(kind: FollowUpKind, subject: FollowUpSubject, dueAt: Date, slot?: string | number): PlannedFollowUp {
  const dedupeKey = slot === undefined ? `${kind}:${subject.id}` : `${kind}:${subject.id}:${slot}`;
  return { kind, dueAt, subject, dedupeKey, audience: FOLLOW_UP_AUDIENCE_BY_KIND[kind] };
}

/** A series from an anchor: every slot still ahead, plus only the latest one already due. */
function series(kind: FollowUpKind, subject: FollowUpSubject, anchor: Date, minutes: readonly number[], now: Date): PlannedFollowUp[] {
  const slots = [...minutes].sort((a, b) => a - b).map((m, index) => followUp(kind, subject, after(anchor, m), index + 1));
  const dueCount = slots.filter((slot) => slot.dueAt.getTime() <= now.getTime()).length;
  return slots.slice(Math.max(0, dueCount - 1));
}

function byDueAt(planned: PlannedFollowUp[]): PlannedFollowUp[] {
  return planned.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.dedupeKey.localeCompare(b.dedupeKey));
}

/**
 * Wellbeing checks (emergency and urgent only), a reminder before the threatener's deadline,
 * case reviews, and an SLA escalation while nobody holds the case and nobody has responded.
 * Nothing for a resolved or closed case: reconciling that empty plan cancels all that is pending.
 */
export function planCaseFollowUps(c: CaseFollowUpInput, cadence: FollowUpCadence, now: Date): PlannedFollowUp[] {
  if (!OPEN_CASE_STATUSES.includes(c.status)) return [];
  const subject: FollowUpSubject = { type: 'case', id: c.id };
  const planned: PlannedFollowUp[] = [];

  if (WELLBEING_CHECK_PRIORITIES.includes(c.priority)) {
    planned.push(...series('wellbeing_check', subject, c.createdAt, cadence.wellbeingCheckMinutes, now));
  }

  // Only while the deadline is ahead. If the reminder time has already passed (the deadline was
  // learnt late, or is less than the lead away) it is due now: the person may still need help
  // before the deadline. Never before intake, where a due time would look older than the case.
  // The key carries the deadline: a new deadline is a new reminder, even if the old one fired.
  if (c.deadlineAt && c.deadlineAt.getTime() > now.getTime()) {
    const remindAt = Math.max(after(c.deadlineAt, -cadence.deadlineReminderLeadMinutes).getTime(), c.createdAt.getTime());
    planned.push(followUp('deadline_reminder', subject, new Date(remindAt), c.deadlineAt.toISOString()));
  }

  planned.push(...series('case_review', subject, c.createdAt, cadence.caseReviewMinutes, now));

  // Retriage moves firstResponseDueAt; the same key then reschedules the escalation.
  // Waiting on the person pauses the first-response target, and with it both escalations (issue 10, pinned).
  const targetRunning = c.status !== 'waiting';
  if (targetRunning && c.assigneeId === null && c.firstRespondedAt === null) {
    planned.push(followUp('sla_escalation', subject, after(c.firstResponseDueAt, cadence.slaEscalationGraceMinutes)));
  }
  // Held is not reached: first contact is a message sent or a contact recorded, not a claim. A
  // held case nobody has contacted by its target goes to the holder and the supervisors.
  if (targetRunning && c.assigneeId !== null && c.firstRespondedAt === null) {
    planned.push(followUp('contact_overdue', subject, after(c.firstResponseDueAt, cadence.slaEscalationGraceMinutes)));
  }
  return byDueAt(planned);
}

/**
 * A chase and a supervisor escalation while the platform has not answered (submitted or
 * acknowledged); reappearance re-checks once removal is confirmed; nothing otherwise (a draft is
 * not sent, a refusal or an escalation is already with people, a reappearance is a new request).
 */
export function planTakedownFollowUps(t: TakedownFollowUpInput, cadence: FollowUpCadence, now: Date): PlannedFollowUp[] {
  const subject: FollowUpSubject = { type: 'takedown', id: t.id };
  if ((t.status === 'submitted' || t.status === 'acknowledged') && t.submittedAt) {
    return byDueAt([
      followUp('takedown_chase', subject, after(t.submittedAt, cadence.takedownChaseMinutes)),
      followUp('takedown_escalation', subject, after(t.submittedAt, cadence.takedownEscalationMinutes)),
    ]);
  }
  if (t.status === 'removed' && t.removedAt) {
    return series('reappearance_check', subject, t.removedAt, cadence.reappearanceCheckMinutes, now);
  }
  return [];
}

/** Whether the agency's reference has been recorded; blank text does not count. */
function hasReference(referenceNumber: string | null): boolean {
  return referenceNumber !== null && referenceNumber.trim() !== '';
}

/**
 * Follow-ups after filing while the report is filed and has no reference; nothing once a
 * reference is recorded or the agency has acknowledged or answered it.
 */
export function planReportFollowUps(r: ReportFollowUpInput, cadence: FollowUpCadence, now: Date): PlannedFollowUp[] {
  if (r.status !== 'filed' || !r.filedAt || hasReference(r.referenceNumber)) return [];
  return series('report_follow_up', { type: 'report', id: r.id }, r.filedAt, cadence.reportFollowUpMinutes, now);
}

export interface ClosureOfferInput {
  id: string;
  status: CaseStatus;
  /**
   * The case's last staff activity (intake if staff have done nothing yet) or the last closure
   * offer that fired, whichever is later: an offer nobody acted on comes round again a full
   * period later, not at once.
   */
  lastActivityAt: Date;
  /** Closure offers already fired (or done): the next one is a new slot, so it can happen again. */
  closureOffersMade: number;
}

/**
 * An offer to close the case once nobody has worked it for the configured time (90 days by
 * default). Staff activity moves the anchor, and with it the pending offer. Also for a resolved
 * case: it is exactly the one waiting to be closed. Nothing once closed.
 */
export function planClosureOffer(c: ClosureOfferInput, cadence: FollowUpCadence): PlannedFollowUp[] {
  if (c.status === 'closed') return [];
  return [followUp('closure_offer', { type: 'case', id: c.id }, after(c.lastActivityAt, cadence.closureOfferMinutes), c.closureOffersMade + 1)];
}

export interface DeadlineRetriageInput {
  id: string;
  status: CaseStatus;
  deadlineAt: Date | null;
  /**
   * When the case's stored triage was computed. That triage read the clock, so it already counts
   * every threshold crossed by then. Absent: planning follows that triage at once (`now`).
   */
  triagedAt?: Date;
}

/**
 * A re-triage at each moment the deadline's factor changes (72 h before it, 24 h before it, when
 * it passes: DEADLINE_THRESHOLDS), while the case is open. Only thresholds after the stored
 * triage: intake and every change of facts triage with the clock, so the ones already crossed are
 * in that priority. A threshold crossed since that triage (a replan while its job is on its way,
 * or after the worker was down) is still wanted, and is due now. The key carries the deadline: a
 * new deadline is a new set, and replanning cancels the old set's pending ones. Never scaled by
 * FOLLOW_UP_TIME_SCALE: triage reads the deadline in real hours, and the two must agree.
 */
export function planDeadlineRetriage(c: DeadlineRetriageInput, now: Date): PlannedFollowUp[] {
  if (!OPEN_CASE_STATUSES.includes(c.status) || !c.deadlineAt) return [];
  const deadline = c.deadlineAt;
  const triagedAt = (c.triagedAt ?? now).getTime();
  const subject: FollowUpSubject = { type: 'case', id: c.id };
  return DEADLINE_THRESHOLDS.map((threshold) => ({ threshold, at: deadlineThresholdAt(deadline, threshold) }))
    .filter(({ at }) => at.getTime() > triagedAt)
    .map(({ threshold, at }) => followUp('deadline_retriage', subject, at, `${deadline.toISOString()}:${threshold.key}`));
}

export interface FollowUpPlanInput {
  case: CaseFollowUpInput & ClosureOfferInput & Pick<DeadlineRetriageInput, 'triagedAt'>;
  takedowns: readonly TakedownFollowUpInput[];
  reports: readonly ReportFollowUpInput[];
}

/**
 * Everything a case should have pending, by its status:
 * - open (new, in progress, waiting): the case's own follow-ups (with the deadline re-triages),
 *   its takedowns' and reports';
 * - resolved: only the takedown and report follow-ups and the closure offer. The work is done,
 *   so wellbeing checks, reviews, the deadline reminder and SLA escalation go; but content taken
 *   down can come back and an agency can still answer, so re-checks and report follow-ups stay;
 * - closed: nothing. Reconciling the empty plan cancels whatever was pending.
 */
export function planFollowUps(input: FollowUpPlanInput, cadence: FollowUpCadence, now: Date): PlannedFollowUp[] {
  if (input.case.status === 'closed') return [];
  return byDueAt([
    ...planCaseFollowUps(input.case, cadence, now),
    ...planDeadlineRetriage(input.case, now),
    ...planClosureOffer(input.case, cadence),
    ...input.takedowns.flatMap((t) => planTakedownFollowUps(t, cadence, now)),
    ...input.reports.flatMap((r) => planReportFollowUps(r, cadence, now)),
  ]);
}
