import { CASE_STATUS_LABELS, CaseStatus, isCaseStatus, TRIAGE_FACTORS } from '@sg/domain';

const statusLabel = (value: unknown) => (isCaseStatus(value) ? CASE_STATUS_LABELS[value as CaseStatus] : String(value));

/** One readable line per timeline entry, e.g. "Claimed by Casey Caseworker". */
export function summariseEvent(kind: string, data: Record<string, unknown>, actorName: string | null): string {
  const who = actorName ?? 'The person';
  switch (kind) {
    case 'case_created':
      return `Case created from a ${String(data['channel'] ?? 'web')} intake; triaged ${String(data['priority'] ?? '')}`;
    case 'case_claimed':
      return `Claimed by ${who}`;
    case 'case_assigned':
      return `Assigned to ${String(data['assigneeName'] ?? 'someone')} by ${who}`;
    case 'status_changed':
      return `${who} changed the status from ${statusLabel(data['from'])} to ${statusLabel(data['to'])}`;
    case 'priority_overridden':
      return data['to'] ? `${who} set the priority to ${String(data['to'])}: ${String(data['reason'] ?? '')}` : `${who} removed the priority override`;
    case 'case_retriaged': {
      const factors = Array.isArray(data['factors']) ? (data['factors'] as string[]).map((key) => TRIAGE_FACTORS[key as keyof typeof TRIAGE_FACTORS]?.label ?? key) : [];
      return `Re-triaged from ${String(data['from'])} to ${String(data['to'])}${factors.length ? ` (${factors.join('; ')})` : ''}`;
    }
    case 'facts_updated':
      return `${who} updated ${(data['fields'] as string[] | undefined)?.join(', ') ?? 'the facts'}`;
    case 'plan_updated': {
      const list = (key: string) => (Array.isArray(data[key]) ? (data[key] as string[]) : []);
      const parts = [
        list('added').length ? `added ${list('added').map((t) => `"${t}"`).join(', ')}` : '',
        list('removed').length ? `removed ${list('removed').map((t) => `"${t}"`).join(', ')} (not started)` : '',
        list('keptDone').length ? `kept ${list('keptDone').map((t) => `"${t}"`).join(', ')} (already done, no longer needed)` : '',
      ].filter(Boolean);
      return `The action plan was updated for the new facts${parts.length ? `: ${parts.join('; ')}` : ''}`;
    }
    case 'plan_step_done':
      return `${who} marked "${String(data['title'] ?? data['key'])}" done`;
    case 'plan_step_reopened':
      return `${who} marked "${String(data['title'] ?? data['key'])}" not done`;
    case 'note_added':
      return `${who} added a note`;
    case 'evidence_added':
      return `${who} added evidence (${String(data['kind'] ?? '').replace(/_/g, ' ')})`;
    case 'contact_revealed':
      return `${who} revealed the contact details: ${String(data['reason'] ?? '')}`;
    case 'person_added_information':
      return `The person added information: ${String(data['summary'] ?? '')}`;
    case 'person_viewed_case':
      return 'The person checked their case';
    default:
      return kind.replace(/_/g, ' ');
  }
}
