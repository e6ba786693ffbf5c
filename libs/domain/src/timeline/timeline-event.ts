import { ActionPlanStepKey } from '../action-plan/action-plan';
import { CaseStatus } from '../cases/case-lifecycle';
import { FollowUpKind } from '../follow-ups/cadence';
import { IntakeChannel, Submitter } from '../intake/intake-facts';
import { ReportStatus } from '../reports/report-lifecycle';
import { TakedownChannel, TakedownStatus } from '../takedowns/takedown-lifecycle';
import { Priority } from '../triage/priority';
import { TriageFactorKey } from '../triage/triage';
import { keysOf } from '../support/typed-records';

/** A plan step on the timeline: its key, and its title so the entry reads as a sentence. */
interface PlanStepEntry {
  key: ActionPlanStepKey;
  title: string;
}

/** A takedown request's move, or a change to it that kept its status (then `from` equals `to`). */
interface TakedownChange {
  takedownId: string;
  platform: string;
  from: TakedownStatus;
  to: TakedownStatus;
}

/**
 * Every kind of entry written on a case's timeline (`case_event.kind`), with the shape of its
 * `data`. Each write goes through one function (caseEventRepository.insert) that takes this union,
 * except two single-statement hot paths written in SQL: `case_created` (the intake statement) and
 * `follow_up_fired` (the follow-up firing statement). The staff timeline's sentences
 * (timeline-summary.ts) are a switch over the same union, so a new kind cannot go unsummarised.
 */
export type TimelineEvent =
  /** Intake: the case was written (the intake statement; staff, or the person on the web). */
  | { kind: 'case_created'; data: { channel: IntakeChannel; submittedBy: Submitter; priority: Priority; factors: TriageFactorKey[] } }
  | { kind: 'case_claimed'; data: Record<string, never> }
  | { kind: 'case_assigned'; data: { assigneeId: string; assigneeName: string; previousAssigneeId: string | null } }
  | { kind: 'status_changed'; data: { from: CaseStatus; to: CaseStatus } }
  /** `to` null: the override was removed. */
  | { kind: 'priority_overridden'; data: { from: Priority; to: Priority | null; reason: string | null } }
  /**
   * Triage computed a different priority, or (as the deadline nears) different factors (written by
   * the system). `from`/`to`: the computed priorities. `override`: a caseworker's override that
   * stands and stays the case's priority, shown beside the computed one (absent: none).
   */
  | { kind: 'case_retriaged'; data: { from: Priority; to: Priority; factors: TriageFactorKey[]; reason: string; override?: Priority } }
  /** `fields`: the facts corrected, in words. */
  | { kind: 'facts_updated'; data: { fields: string[] } }
  /** The plan followed new facts (written by the system); step titles. */
  | { kind: 'plan_updated'; data: { added: string[]; removed: string[]; keptDone: string[] } }
  | { kind: 'plan_step_done'; data: PlanStepEntry }
  | { kind: 'plan_step_reopened'; data: PlanStepEntry }
  | { kind: 'note_added'; data: { noteId: string } }
  /** `kind`: the evidence kind (EVIDENCE_KINDS in the contracts). */
  | { kind: 'evidence_added'; data: { evidenceId: string; kind: string } }
  /** `changed`: the fields edited, by name (never their values). */
  | { kind: 'evidence_updated'; data: { evidenceId: string; kind: string; changed: string[] } }
  | { kind: 'evidence_removed'; data: { evidenceId: string; kind: string } }
  | { kind: 'contact_revealed'; data: { reason: string } }
  /** The person's addition through their access code; `summary` in words, their note if any. */
  | { kind: 'person_added_information'; data: { summary: string; note: string | null } }
  | { kind: 'person_viewed_case'; data: Record<string, never> }
  /** The person wrote in the conversation (the message itself is in the conversation, sealed). */
  | { kind: 'person_message'; data: Record<string, never> }
  /** Staff wrote to the person; `firstContact`: the case's first response. */
  | { kind: 'message_sent'; data: { firstContact: boolean } }
  /** Staff reached the person outside the product (phone, e-mail, chat, in person) and recorded it. */
  | { kind: 'contact_recorded'; data: { channel: string; at: string; firstContact: boolean } }
  /** A follow-up came due (the follow-up firing statement, written by the system). */
  | { kind: 'follow_up_fired'; data: { followUpId: string; kind: FollowUpKind } }
  | { kind: 'follow_up_done'; data: { followUpId: string } }
  /** `reopenedFrom`: the request whose content reappeared, when this one asks again. */
  | { kind: 'takedown_added'; data: { takedownId: string; platform: string; channel: TakedownChannel; reopenedFrom?: string } }
  | { kind: 'takedown_status_changed'; data: TakedownChange }
  | { kind: 'takedown_updated'; data: TakedownChange }
  | { kind: 'report_added'; data: { reportId: string; agencyName: string } }
  /** `from` equals `to` when only the reference number changed. */
  | { kind: 'report_updated'; data: { reportId: string; agencyName: string; from: ReportStatus; to: ReportStatus } }
  /** A supervisor put the case on legal hold: it is not purged (by retention or the person's request) until released. */
  | { kind: 'legal_hold_placed'; data: { reason: string } }
  | { kind: 'legal_hold_released'; data: { reason: string | null } }
  /** The person asked (with reference and code) to delete the case; it goes after `executeAfter` unless on hold. */
  | { kind: 'deletion_requested'; data: { executeAfter: string } }
  | { kind: 'deletion_cancelled'; data: Record<string, never> }
  /**
   * Linking and merging (case-links/). The other case is never named in `data`: the timeline goes to
   * everyone who may open this case, who may not be allowed to open the other (the link row and the
   * audit log hold the pair; the case page's links section names it to those who may open it).
   */
  | { kind: 'case_linked'; data: { linkId: string; reason: string } }
  | { kind: 'case_unlinked'; data: { linkId: string } }
  /** On the duplicate: it was merged into its original (its records moved there). */
  | { kind: 'case_merged_into'; data: { reason: string } }
  /** On the original: a duplicate was merged into it; `moved`, how many records came. */
  | { kind: 'duplicate_merged'; data: { reason: string; moved: number } }
  /** On the duplicate: the merge was undone, its records moved back. */
  | { kind: 'case_unmerged'; data: { reason: string } }
  /** On the original: a merged duplicate was taken out again; `moved`, how many records went back. */
  | { kind: 'duplicate_unmerged'; data: { reason: string; moved: number } };

export type TimelineEventKind = TimelineEvent['kind'];

/** The `data` of one kind of entry, e.g. `TimelineEventData<'case_created'>`. */
export type TimelineEventData<K extends TimelineEventKind> = Extract<TimelineEvent, { kind: K }>['data'];

/**
 * An entry as read back from the timeline. Entries written before a field existed lack it (plan
 * steps before titles were kept, for one), so a reader of stored entries must allow for any field
 * to be missing.
 */
export type StoredTimelineEvent = { [K in TimelineEventKind]: { kind: K; data: Partial<TimelineEventData<K>> } }[TimelineEventKind];

/** Each kind once; TypeScript checks the list against the union both ways. */
const KINDS: Readonly<Record<TimelineEventKind, true>> = {
  case_created: true,
  case_claimed: true,
  case_assigned: true,
  status_changed: true,
  priority_overridden: true,
  case_retriaged: true,
  facts_updated: true,
  plan_updated: true,
  plan_step_done: true,
  plan_step_reopened: true,
  note_added: true,
  evidence_added: true,
  evidence_updated: true,
  evidence_removed: true,
  contact_revealed: true,
  person_added_information: true,
  person_viewed_case: true,
  person_message: true,
  message_sent: true,
  contact_recorded: true,
  follow_up_fired: true,
  follow_up_done: true,
  takedown_added: true,
  takedown_status_changed: true,
  takedown_updated: true,
  report_added: true,
  report_updated: true,
  legal_hold_placed: true,
  legal_hold_released: true,
  deletion_requested: true,
  deletion_cancelled: true,
  case_linked: true,
  case_unlinked: true,
  case_merged_into: true,
  duplicate_merged: true,
  case_unmerged: true,
  duplicate_unmerged: true,
};

export const TIMELINE_EVENT_KINDS: readonly TimelineEventKind[] = keysOf(KINDS);

/** True for a kind this union knows (a stored row's `kind` is only text). */
export function isTimelineEventKind(value: unknown): value is TimelineEventKind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(KINDS, value);
}
