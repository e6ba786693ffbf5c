import {
  CASE_STATUS_LABELS,
  FOLLOW_UP_KIND_LABELS,
  isCaseStatus,
  isFollowUpKind,
  isTimelineEventKind,
  REPORT_STATUS_LABELS,
  StoredTimelineEvent,
  TAKEDOWN_STATUS_LABELS,
  TRIAGE_FACTORS,
  isOneOf,
  TAKEDOWN_STATUSES,
  REPORT_STATUSES,
  TRIAGE_FACTOR_SEVERITY,
} from '@sg/domain';
import { translatorFor } from '@sg/i18n/server';

const statusLabel = (value: unknown) => (isCaseStatus(value) ? CASE_STATUS_LABELS[value] : String(value));
/** A plan step as people read it: its title (entries from before titles were kept: its key in words). */
const stepTitle = (data: { key?: unknown; title?: string }) => data.title ?? humanise(data.key);
const followUpLabel = (kind: unknown) => (isFollowUpKind(kind) ? FOLLOW_UP_KIND_LABELS[kind] : humanise(kind));
const takedownStatus = (value: unknown) => (isOneOf(TAKEDOWN_STATUSES, value) ? TAKEDOWN_STATUS_LABELS[value] : humanise(value));
const reportStatus = (value: unknown) => (isOneOf(REPORT_STATUSES, value) ? REPORT_STATUS_LABELS[value] : humanise(value));

/** Last resort for a kind this file does not know yet: words, capitalised, never a raw key. */
function humanise(value: unknown): string {
  const words = (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '').replace(/_/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Something changed';
}

/** One readable line per timeline entry, e.g. "Claimed by Casey Caseworker". A stored row's kind and data. */
export function summariseEvent(kind: string, data: Record<string, unknown>, actorName: string | null): string {
  // A kind the union does not know (written by a newer or older server): its key in words.
  if (!isTimelineEventKind(kind)) return humanise(kind);
  // Stored data is whatever was written then; every field is read as possibly missing.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- stored JSON, whatever was written then: StoredTimelineEvent reads every field as possibly missing, and the summaries turn each into text.
  return summariseTimelineEvent({ kind, data } as StoredTimelineEvent, actorName);
}

/** The sentence for each kind of the timeline union; TypeScript checks every kind has one. */
export function summariseTimelineEvent(event: StoredTimelineEvent, actorName: string | null): string {
  const who = actorName ?? 'The person';
  switch (event.kind) {
    case 'case_created':
      return `Case created from a ${String(event.data.channel ?? 'web')} intake; triaged ${String(event.data.priority ?? '')}`;
    case 'case_claimed':
      return `Claimed by ${who}`;
    case 'case_assigned':
      return `Assigned to ${String(event.data.assigneeName ?? 'someone')} by ${who}`;
    case 'status_changed':
      return `${who} changed the status from ${statusLabel(event.data.from)} to ${statusLabel(event.data.to)}`;
    case 'priority_overridden':
      return event.data.to ? `${who} set the priority to ${String(event.data.to)}: ${String(event.data.reason ?? '')}` : `${who} removed the priority override`;
    case 'case_retriaged': {
      const { factors: stored } = event.data;
      const factors = Array.isArray(stored)
        ? (stored as string[]).map((key) => {
            // A factor's label is a catalogue key; these summaries are English.
            const label = isOneOf(TRIAGE_FACTOR_SEVERITY, key) ? TRIAGE_FACTORS[key].label : undefined;
            return label ? translatorFor('en').t(label) : key;
          })
        : [];
      const because = factors.length ? ` (${factors.join('; ')})` : '';
      // Same priority, new factors: the deadline came nearer or passed on a case already that pressing.
      const moved =
        event.data.from && event.data.from === event.data.to
          ? `Re-triaged: still ${String(event.data.to)}${because}`
          : `Re-triaged from ${String(event.data.from)} to ${String(event.data.to)}${because}`;
      // A caseworker's override stands; the computed priority is shown beside it.
      return event.data.override ? `${moved}; the priority override (${String(event.data.override)}) stands` : moved;
    }
    case 'facts_updated':
      return `${who} updated ${event.data.fields?.join(', ') ?? 'the facts'}`;
    case 'plan_updated': {
      const { data } = event;
      const list = (key: 'added' | 'removed' | 'keptDone') => (Array.isArray(data[key]) ? data[key] : []);
      const parts = [
        list('added').length
          ? `added ${list('added')
              .map((t) => `"${t}"`)
              .join(', ')}`
          : '',
        list('removed').length
          ? `removed ${list('removed')
              .map((t) => `"${t}"`)
              .join(', ')} (not started)`
          : '',
        list('keptDone').length
          ? `kept ${list('keptDone')
              .map((t) => `"${t}"`)
              .join(', ')} (already done, no longer needed)`
          : '',
      ].filter(Boolean);
      return `The action plan was updated for the new facts${parts.length ? `: ${parts.join('; ')}` : ''}`;
    }
    case 'plan_step_done':
      return `${who} marked "${stepTitle(event.data)}" done`;
    case 'plan_step_reopened':
      return `${who} marked "${stepTitle(event.data)}" not done`;
    case 'note_added':
      return `${who} added a note`;
    case 'evidence_added':
      return `${who} added evidence (${String(event.data.kind ?? '').replace(/_/g, ' ')})`;
    case 'evidence_updated': {
      const changed = Array.isArray(event.data.changed) ? event.data.changed.map(evidenceFieldName) : [];
      return `${who} edited evidence (${String(event.data.kind ?? '').replace(/_/g, ' ')})${changed.length ? `: ${changed.join(', ')}` : ''}`;
    }
    case 'evidence_removed':
      return `${who} removed evidence (${String(event.data.kind ?? '').replace(/_/g, ' ')})`;
    case 'contact_revealed':
      return `${who} revealed the contact details: ${String(event.data.reason ?? '')}`;
    case 'person_added_information':
      return `The person added information: ${String(event.data.summary ?? '')}`;
    case 'person_viewed_case':
      return 'The person checked their case';
    case 'person_message':
      // Never the words: they are in the Conversation tab, whose every read is audited.
      return 'The person sent a message';
    case 'message_sent':
      return event.data.firstContact ? `${who} wrote to the person (first contact)` : `${who} wrote to the person`;
    case 'contact_recorded':
      return `${who} recorded contact with the person by ${String(event.data.channel ?? 'another way').replace(/_/g, ' ')}${event.data.firstContact ? ' (first contact)' : ''}`;
    case 'follow_up_fired':
      return `A follow-up came due: ${followUpLabel(event.data.kind)}`;
    case 'follow_up_done':
      return `${who} marked a follow-up done`;
    case 'takedown_added':
      return event.data.reopenedFrom
        ? `${who} asked ${String(event.data.platform ?? 'the platform')} again to take the content down (it reappeared)`
        : `${who} added a takedown request to ${String(event.data.platform ?? 'a platform')}`;
    case 'takedown_status_changed':
      return `${who} moved the takedown request to ${String(event.data.platform ?? 'the platform')} from ${takedownStatus(event.data.from)} to ${takedownStatus(event.data.to)}`;
    case 'takedown_updated':
      return `${who} updated the takedown request to ${String(event.data.platform ?? 'the platform')}`;
    case 'report_added':
      return `${who} added a report to ${String(event.data.agencyName ?? 'an agency')}`;
    case 'report_updated':
      return event.data.from !== event.data.to
        ? `${who} moved the report to ${String(event.data.agencyName ?? 'the agency')} from ${reportStatus(event.data.from)} to ${reportStatus(event.data.to)}`
        : `${who} updated the report to ${String(event.data.agencyName ?? 'the agency')}`;
    case 'legal_hold_placed':
      return `${who} put the case on legal hold: ${String(event.data.reason ?? '')}`;
    case 'legal_hold_released':
      return event.data.reason ? `${who} released the legal hold: ${String(event.data.reason)}` : `${who} released the legal hold`;
    case 'deletion_requested':
      return `The person asked for the case to be deleted; it will be deleted after ${String(event.data.executeAfter ?? 'the cooling-off period')} unless they cancel or it is on legal hold`;
    case 'deletion_cancelled':
      return 'The person cancelled their request to delete the case';
    case 'case_linked':
      return `${who} linked this case to another case: ${String(event.data.reason ?? '')}`;
    case 'case_unlinked':
      return `${who} removed a link to another case`;
    case 'case_merged_into':
      return `${who} merged this case into its original as a duplicate: ${String(event.data.reason ?? '')}`;
    case 'duplicate_merged':
      return `${who} merged a duplicate into this case (${Number(event.data.moved ?? 0)} records moved here): ${String(event.data.reason ?? '')}`;
    case 'case_unmerged':
      return `${who} undid the merge of this case; its records are back: ${String(event.data.reason ?? '')}`;
    case 'duplicate_unmerged':
      return `${who} undid the merge of a duplicate (${Number(event.data.moved ?? 0)} records moved back): ${String(event.data.reason ?? '')}`;
    default: {
      // Every kind has its sentence: a kind added to the union without one fails to compile here.
      const unsummarised: never = event;
      return humanise((unsummarised as { kind: string }).kind);
    }
  }
}

/** An evidence field as the timeline names it (`paymentReference` → "payment reference"). */
function evidenceFieldName(field: string): string {
  const names: Record<string, string> = {
    offenderHandle: 'handle',
    profileUrl: 'profile address',
    paymentReference: 'payment reference',
    seenAt: 'when seen',
    sha256: 'fingerprint',
    fileName: 'file name',
  };
  return names[field] ?? field;
}
