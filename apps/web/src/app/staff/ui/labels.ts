import { CASE_AGE_BANDS, EVIDENCE_KINDS } from '@sg/contracts';
import {
  AGE_BANDS,
  CASE_STATUSES,
  CONTACT_CHANNELS,
  CONTENT_POSTED_ANSWERS,
  DEMANDS,
  FOLLOW_UP_KINDS,
  INTAKE_CHANNELS,
  PRIORITIES,
  REPORT_AGENCY_KINDS,
  REPORT_STATUSES,
  SELF_HARM_ANSWERS,
  STAFF_ROLES,
  SUBMITTERS,
  TAKEDOWN_CHANNELS,
  TAKEDOWN_STATUSES,
  recordOf,
} from '@sg/domain';
import type { Speaks } from './speaks';

/**
 * The dashboard's words for the codes in the contracts, as catalogue keys
 * (`staff.labels.<group>.<code>`): render them with `| t` in a template or `i18n.t()` in code, so
 * they follow the reader's language. The domain's English maps of the same names
 * (`CASE_STATUS_LABELS` in `@sg/domain`…) stay for the server's English texts; in the web, import
 * these.
 */
function labelKeys<C extends string>(group: string, codes: readonly C[]): Readonly<Record<C, string>> {
  return recordOf(codes, (code) => `staff.labels.${group}.${code}`);
}

export const PRIORITY_LABELS = labelKeys('priority', PRIORITIES);
export const AGE_BAND_LABELS = labelKeys('ageBand', AGE_BANDS);
export const CASE_AGE_LABELS = labelKeys('caseAge', CASE_AGE_BANDS);
export const EVIDENCE_KIND_LABELS = labelKeys('evidenceKind', EVIDENCE_KINDS);
export const SUBMITTER_LABELS = labelKeys('submitter', SUBMITTERS);
export const INTAKE_CHANNEL_LABELS = labelKeys('intakeChannel', INTAKE_CHANNELS);
export const SELF_HARM_LABELS = labelKeys('selfHarm', SELF_HARM_ANSWERS);
export const DEMAND_LABELS = labelKeys('demand', DEMANDS);
export const CONTENT_POSTED_LABELS = labelKeys('contentPosted', CONTENT_POSTED_ANSWERS);
export const CONTACT_CHANNEL_LABELS = labelKeys('contactChannel', CONTACT_CHANNELS);
export const ROLE_LABELS = labelKeys('role', STAFF_ROLES);
export const CASE_STATUS_LABELS = labelKeys('caseStatus', CASE_STATUSES);
export const TAKEDOWN_STATUS_LABELS = labelKeys('takedownStatus', TAKEDOWN_STATUSES);
export const TAKEDOWN_CHANNEL_LABELS = labelKeys('takedownChannel', TAKEDOWN_CHANNELS);
export const REPORT_STATUS_LABELS = labelKeys('reportStatus', REPORT_STATUSES);
export const REPORT_AGENCY_KIND_LABELS = labelKeys('reportAgencyKind', REPORT_AGENCY_KINDS);
export const FOLLOW_UP_KIND_LABELS = labelKeys('followUpKind', FOLLOW_UP_KINDS);

/**
 * The key for a code that came back as a string: known codes get their key, anything else comes
 * back as is (a key the catalogue lacks is said as itself), no code at all is "Not given".
 */
export function labelFor(labels: Readonly<Record<string, string>>, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return 'staff.labels.notGiven';
  return labels[code] ?? code;
}

/** The same, said: "Under 13", "Bawah 13", or "Not given". */
export function labelIn(say: Speaks, labels: Readonly<Record<string, string>>, code: string | null | undefined): string {
  return say.t(labelFor(labels, code));
}

/** The key for "Yes", "No" or "Not known". */
export function yesNo(value: boolean | null): string {
  return value === null ? 'staff.labels.notKnown' : value ? 'staff.labels.yes' : 'staff.labels.no';
}

const regionNames = new Map<string, Intl.DisplayNames | null>();

/**
 * "GB" → "United Kingdom" / "United Kingdom", "US" → "United States" / "Amerika Syarikat": the
 * browser's own country names in the reader's language, or the code when the browser cannot say.
 */
export function countryName(code: string, language: string): string {
  let names = regionNames.get(language);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([language], { type: 'region' });
    } catch {
      names = null;
    }
    regionNames.set(language, names);
  }
  try {
    return names?.of(code) ?? code;
  } catch {
    return code;
  }
}
