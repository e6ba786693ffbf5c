import { Priority } from '../triage/priority';

/** Every kind of follow-up the worker can raise. Keys are stable: they are stored and in dedupe keys. */
export const FOLLOW_UP_KINDS = [
  'wellbeing_check',
  'deadline_reminder',
  'deadline_retriage',
  'takedown_chase',
  'takedown_escalation',
  'reappearance_check',
  'report_follow_up',
  'case_review',
  'sla_escalation',
  'contact_overdue',
  'closure_offer',
  'person_update',
  'person_message',
] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

/**
 * Kinds raised by something that happened (the person added information or wrote a message), not by
 * the cadence. Planning a case never schedules, moves or cancels them; they fire once, at once.
 */
export const PROMPTED_FOLLOW_UP_KINDS = ['person_update', 'person_message'] as const satisfies readonly FollowUpKind[];
export type PromptedFollowUpKind = (typeof PROMPTED_FOLLOW_UP_KINDS)[number];

export const FOLLOW_UP_KIND_LABELS: Readonly<Record<FollowUpKind, string>> = {
  wellbeing_check: 'Wellbeing check',
  deadline_reminder: "Threatener's deadline approaching",
  deadline_retriage: "Re-triage as the threatener's deadline nears",
  takedown_chase: 'Chase the takedown request',
  takedown_escalation: 'Takedown request unanswered: escalate',
  reappearance_check: 'Check the content has not reappeared',
  report_follow_up: 'Follow up the report',
  case_review: 'Case review',
  sla_escalation: 'First response overdue and nobody holds the case',
  contact_overdue: 'First contact overdue: nobody has reached the person yet',
  closure_offer: 'Offer to close the case: no activity for 90 days',
  person_update: 'The person added information',
  person_message: 'The person sent a message',
};

/**
 * Who is told. Fixed per kind: whether someone holds the subject is decided when the follow-up
 * fires (assignment changes far more often than the plan), and an `assignee` follow-up with
 * nobody assigned at that moment goes to the supervisors instead. Escalations go to the person
 * holding the case and the supervisors both. A follow-up that would reach nobody (no active
 * holder, no active supervisor) goes to the admins: a fired follow-up always reaches someone.
 */
export const FOLLOW_UP_AUDIENCES = ['assignee', 'supervisors', 'assignee_and_supervisors'] as const;
export type FollowUpAudience = (typeof FOLLOW_UP_AUDIENCES)[number];

export const FOLLOW_UP_AUDIENCE_BY_KIND: Readonly<Record<FollowUpKind, FollowUpAudience>> = {
  wellbeing_check: 'assignee',
  deadline_reminder: 'assignee',
  // Told only when the re-triage raised the case to urgent or emergency (DeadlineRetriage in the server).
  deadline_retriage: 'assignee_and_supervisors',
  takedown_chase: 'assignee',
  takedown_escalation: 'assignee_and_supervisors',
  reappearance_check: 'assignee',
  report_follow_up: 'assignee',
  case_review: 'assignee',
  sla_escalation: 'supervisors',
  contact_overdue: 'assignee_and_supervisors',
  closure_offer: 'assignee',
  person_update: 'assignee',
  person_message: 'assignee',
};

export const FOLLOW_UP_SUBJECT_TYPES = ['case', 'takedown', 'report'] as const;
export type FollowUpSubjectType = (typeof FOLLOW_UP_SUBJECT_TYPES)[number];

export interface FollowUpSubject {
  type: FollowUpSubjectType;
  id: string;
}

/** A follow-up that should exist. What the planners return and reconcileFollowUps consumes. */
export interface PlannedFollowUp {
  kind: FollowUpKind;
  /** May be in the past: that means "due now" (see the planners). */
  dueAt: Date;
  subject: FollowUpSubject;
  /** Stable identity of this follow-up, so planning again never makes a second one. */
  dedupeKey: string;
  audience: FollowUpAudience;
}

export function isFollowUpKind(value: unknown): value is FollowUpKind {
  return typeof value === 'string' && (FOLLOW_UP_KINDS as readonly string[]).includes(value);
}

/** Only these priorities get wellbeing checks: they are the ones with self-harm risk or a child. */
export const WELLBEING_CHECK_PRIORITIES: readonly Priority[] = ['emergency', 'urgent'];

/** When follow-ups fall due. Every value is a duration in minutes; lists are series (one follow-up each). */
export interface FollowUpCadence {
  /** After intake, for emergency and urgent cases. */
  readonly wellbeingCheckMinutes: readonly number[];
  /** Before the threatener's deadline. */
  readonly deadlineReminderLeadMinutes: number;
  /** After a takedown request is submitted, the caseworker chases the platform. */
  readonly takedownChaseMinutes: number;
  /** After submission, a still unanswered request goes to the supervisors. */
  readonly takedownEscalationMinutes: number;
  /** After removal is confirmed, re-check the URL. */
  readonly reappearanceCheckMinutes: readonly number[];
  /** After a report is filed, until a reference is recorded or the agency acknowledges it. */
  readonly reportFollowUpMinutes: readonly number[];
  /** After intake. */
  readonly caseReviewMinutes: readonly number[];
  /** After the first-response due time; 0 escalates the moment the target is missed. */
  readonly slaEscalationGraceMinutes: number;
  /** After the last staff activity on a case that is not closed: offer to close it. */
  readonly closureOfferMinutes: number;
}

const HOUR = 60;
const DAY = 24 * HOUR;

/** The organisation's defaults (domain.md, "Follow-up cadence"). */
export const DEFAULT_FOLLOW_UP_CADENCE: FollowUpCadence = {
  wellbeingCheckMinutes: [4 * HOUR, 24 * HOUR],
  deadlineReminderLeadMinutes: 2 * HOUR,
  // The US TAKE IT DOWN Act gives covered platforms 48 hours to remove a valid request.
  takedownChaseMinutes: 48 * HOUR,
  takedownEscalationMinutes: 7 * DAY,
  reappearanceCheckMinutes: [7 * DAY, 30 * DAY],
  reportFollowUpMinutes: [7 * DAY, 30 * DAY],
  caseReviewMinutes: [7 * DAY, 30 * DAY, 90 * DAY],
  slaEscalationGraceMinutes: 0,
  closureOfferMinutes: 90 * DAY,
};

/**
 * Multiplies every duration, like triage's timeScale: FOLLOW_UP_TIME_SCALE = 1/3600 runs a week
 * in under three minutes for demos and end-to-end tests. Durations may become fractional minutes;
 * the planners round due times to the millisecond.
 */
export function scaleCadence(cadence: FollowUpCadence, timeScale: number): FollowUpCadence {
  // A zero, negative or NaN scale would make everything due at once (or never): refuse it loudly.
  if (!Number.isFinite(timeScale) || timeScale <= 0) throw new RangeError(`The follow-up time scale must be a positive number, not ${timeScale}.`);
  const one = (minutes: number) => minutes * timeScale;
  const all = (minutes: readonly number[]) => minutes.map(one);
  return {
    wellbeingCheckMinutes: all(cadence.wellbeingCheckMinutes),
    deadlineReminderLeadMinutes: one(cadence.deadlineReminderLeadMinutes),
    takedownChaseMinutes: one(cadence.takedownChaseMinutes),
    takedownEscalationMinutes: one(cadence.takedownEscalationMinutes),
    reappearanceCheckMinutes: all(cadence.reappearanceCheckMinutes),
    reportFollowUpMinutes: all(cadence.reportFollowUpMinutes),
    caseReviewMinutes: all(cadence.caseReviewMinutes),
    slaEscalationGraceMinutes: one(cadence.slaEscalationGraceMinutes),
    closureOfferMinutes: one(cadence.closureOfferMinutes),
  };
}
