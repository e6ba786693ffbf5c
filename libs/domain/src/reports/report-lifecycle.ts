/**
 * A report to an agency: drafted → filed → acknowledged → actioned | no_action. Agencies often
 * answer without a separate acknowledgement, so filed may go straight to actioned or no_action.
 * The agency's reference number is recorded separately, often well after filing.
 */
export const REPORT_AGENCY_KINDS = ['police', 'cybercrime_unit', 'cybertipline', 'platform'] as const;
export type ReportAgencyKind = (typeof REPORT_AGENCY_KINDS)[number];

export const REPORT_AGENCY_KIND_LABELS: Readonly<Record<ReportAgencyKind, string>> = {
  police: 'Police',
  cybercrime_unit: 'Cybercrime unit',
  cybertipline: 'NCMEC CyberTipline',
  platform: 'Platform',
};

export const REPORT_STATUSES = ['drafted', 'filed', 'acknowledged', 'actioned', 'no_action'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Readonly<Record<ReportStatus, string>> = {
  drafted: 'Drafted',
  filed: 'Filed',
  acknowledged: 'Acknowledged',
  actioned: 'Actioned',
  no_action: 'No action taken',
};

const TRANSITIONS: Readonly<Record<ReportStatus, readonly ReportStatus[]>> = {
  drafted: ['filed'],
  filed: ['acknowledged', 'actioned', 'no_action'],
  acknowledged: ['actioned', 'no_action'],
  actioned: [],
  no_action: [],
};

export function allowedReportTransitions(from: ReportStatus): readonly ReportStatus[] {
  return TRANSITIONS[from];
}

export function isReportStatus(value: unknown): value is ReportStatus {
  return typeof value === 'string' && (REPORT_STATUSES as readonly string[]).includes(value);
}

export function isReportAgencyKind(value: unknown): value is ReportAgencyKind {
  return typeof value === 'string' && (REPORT_AGENCY_KINDS as readonly string[]).includes(value);
}

/** Why a status change is refused, in words a caseworker understands; null when it is allowed. */
export function reportTransitionProblem(from: ReportStatus, to: ReportStatus): string | null {
  if (from === to) return `The report is already marked "${REPORT_STATUS_LABELS[to]}".`;
  if (TRANSITIONS[from].includes(to)) return null;
  if (from === 'drafted') return 'Mark the report as filed first: a draft has not reached the agency yet.';
  // The agency's answer is final; anything new is a new report, so its own follow-ups run.
  if (TRANSITIONS[from].length === 0) return `The agency has answered ("${REPORT_STATUS_LABELS[from]}"): file a new report if there is more to tell them.`;
  const allowed = TRANSITIONS[from].map((status) => `"${REPORT_STATUS_LABELS[status]}"`).join(' or ');
  return `A report that is "${REPORT_STATUS_LABELS[from]}" can only move to ${allowed}.`;
}
