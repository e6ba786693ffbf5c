import { DataProtection } from '../security/data-protection';
import { SEAL_CONTEXT } from '../security/seal-contexts';
import { CaseEventRow } from '../case-core/case-event.repository';
import { TimelineEvent } from '@sg/domain';

/**
 * Free text about a case, as stored: sealed (every row written since free text was sealed), or
 * plain on a row written before that the key job has not sealed yet (keys/reseal.ts).
 */
export function openFreeText(protection: DataProtection, sealed: Buffer | null, context: string, plain: string | null): string | null {
  return sealed ? protection.open<string>(sealed, context) : plain;
}

/** The timeline entry fields that are free text: sealed into `case_event.sealed`, never left in `data`. */
export const TIMELINE_FREE_TEXT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  person_added_information: ['note'],
  legal_hold_placed: ['reason'],
  priority_overridden: ['reason'],
  case_linked: ['reason'],
  case_merged_into: ['reason'],
  duplicate_merged: ['reason'],
  case_unmerged: ['reason'],
  duplicate_unmerged: ['reason'],
  legal_hold_released: ['reason'],
  contact_revealed: ['reason'],
};

/**
 * Splits a timeline entry's free text out of its data: `data` keeps the rest (the free text as
 * null), `sealed` holds the text, sealed to the case. Nothing to seal: `sealed` null.
 */
export function sealTimelineFreeText(
  protection: DataProtection,
  caseId: string,
  kind: string,
  data: Record<string, unknown>,
): { data: Record<string, unknown>; sealed: Buffer | null } {
  const fields = TIMELINE_FREE_TEXT_FIELDS[kind] ?? [];
  const text = Object.fromEntries(fields.filter((field) => typeof data[field] === 'string').map((field) => [field, data[field]]));
  if (Object.keys(text).length === 0) return { data, sealed: null };
  return {
    data: { ...data, ...Object.fromEntries(Object.keys(text).map((field) => [field, null])) },
    sealed: protection.seal(text, SEAL_CONTEXT.timeline(caseId)),
  };
}

/**
 * The event as written to the timeline: its free text (TIMELINE_FREE_TEXT_FIELDS) sealed into
 * `sealed` and null in `data` (opened back in on read, withFreeText).
 */
export function sealTimelineEvent(protection: DataProtection, caseId: string, event: TimelineEvent): { event: TimelineEvent; sealed: Buffer | null } {
  const { data, sealed } = sealTimelineFreeText(protection, caseId, event.kind, { ...event.data });
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- the same event with its free-text fields nulled (their text is in `sealed`); the union types those fields as text because readers see them opened again.
  return { event: { ...event, data } as TimelineEvent, sealed };
}

/** A timeline entry as staff read it: its sealed free text opened back into `data`. */
export function withFreeText(protection: DataProtection, caseId: string, row: CaseEventRow): CaseEventRow {
  if (!row.sealed) return row;
  return { ...row, data: openTimelineData(protection, caseId, row.data, row.sealed) };
}

/** A timeline entry's data with its sealed free text (if any) opened back in. */
export function openTimelineData(protection: DataProtection, caseId: string, data: Record<string, unknown>, sealed: Buffer | null): Record<string, unknown> {
  return sealed ? { ...data, ...protection.open<Record<string, unknown>>(sealed, SEAL_CONTEXT.timeline(caseId)) } : data;
}
