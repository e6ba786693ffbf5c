import type { CaseAgeBand, CaseListScope, CaseOverdueKind, EvidenceKind } from '@sg/contracts';
import type { AgeBand, ContactChannel, ContentPostedAnswer, Demand, IntakeChannel, Priority, SelfHarmAnswer, Submitter } from '@sg/domain';

/** Words the dashboard shows for the codes in the contracts. */
export const PRIORITY_LABELS: Readonly<Record<Priority, string>> = {
  emergency: 'Emergency',
  urgent: 'Urgent',
  high: 'High',
  standard: 'Standard',
};

export const QUEUE_LABELS: Readonly<Record<CaseListScope, string>> = {
  unassigned: 'Unassigned',
  mine: 'Mine',
  waiting: 'Waiting',
  overdue: 'Overdue',
  all: 'All open',
  search: 'Search results',
};

export const OVERDUE_KIND_LABELS: Readonly<Record<CaseOverdueKind, string>> = {
  first_response: 'Only cases past their first-response target',
  follow_up: 'Only cases with a follow-up past due',
};

export const AGE_BAND_LABELS: Readonly<Record<AgeBand, string>> = {
  under_13: 'Under 13',
  '13_17': '13–17',
  '18_plus': '18+',
  unknown: 'Age unknown',
};

export const CASE_AGE_LABELS: Readonly<Record<CaseAgeBand, string>> = {
  under_1h: 'Under 1 hour',
  '1h_to_24h': '1–24 hours',
  '1d_to_7d': '1–7 days',
  over_7d: 'Over 7 days',
};

export const EVIDENCE_KIND_LABELS: Readonly<Record<EvidenceKind, string>> = {
  offender_account: 'Account of the person threatening',
  threat_message: 'Threat or message',
  payment: 'Payment',
  content_location: 'Where content was posted',
  other: 'Other',
};

export const SUBMITTER_LABELS: Readonly<Record<Submitter, string>> = {
  victim: 'The person themselves',
  parent_or_guardian: 'Parent or guardian',
  trusted_adult: 'Another trusted adult',
  staff: 'Staff, on their behalf',
};

export const INTAKE_CHANNEL_LABELS: Readonly<Record<IntakeChannel, string>> = {
  phone: 'Phone',
  chat: 'Chat',
  email: 'Email',
  web: 'Web form',
};

export const SELF_HARM_LABELS: Readonly<Record<SelfHarmAnswer, string>> = {
  none: 'No',
  thoughts: 'Thoughts of self-harm',
  plan_or_intent: 'A plan or intent to self-harm',
  prefer_not_to_say: 'Prefers not to say',
};

export const DEMAND_LABELS: Readonly<Record<Demand, string>> = {
  money: 'Money',
  more_images: 'More images',
  meeting: 'To meet',
  relationship: 'A relationship',
  other: 'Something else',
};

export const CONTENT_POSTED_LABELS: Readonly<Record<ContentPostedAnswer, string>> = {
  yes: 'Yes',
  no: 'No',
  unknown: 'Not known',
};

export const CONTACT_CHANNEL_LABELS: Readonly<Record<ContactChannel, string>> = {
  email: 'Email',
  phone: 'Phone call',
  sms: 'Text message',
  none: 'Do not contact',
};

export const ROLE_LABELS: Readonly<Record<'caseworker' | 'supervisor' | 'admin', string>> = {
  caseworker: 'Caseworker',
  supervisor: 'Supervisor',
  admin: 'Admin',
};

/** Intake facts come back as strings; known codes get their words, anything else shows as is. */
export function labelFor(labels: Readonly<Record<string, string>>, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return 'Not given';
  return labels[code] ?? code;
}

export function yesNo(value: boolean | null): string {
  return value === null ? 'Not known' : value ? 'Yes' : 'No';
}

let regionNames: Intl.DisplayNames | null | undefined;

/** "GB" → "United Kingdom" (from the browser), or the code when the browser cannot say. */
export function countryName(code: string): string {
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
    } catch {
      regionNames = null;
    }
  }
  try {
    return regionNames?.of(code) ?? code;
  } catch {
    return code;
  }
}
