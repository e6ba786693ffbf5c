import type { ReportStatus, TakedownStatus } from '@sg/domain';

/** One entry of a status menu: the status it moves to and the catalogue key of what the button says. */
export interface StatusAction<S extends string> {
  status: S;
  label: string;
}

/** What a caseworker does, in words, for each move of a takedown request. */
export const TAKEDOWN_ACTION_LABELS: Readonly<Record<TakedownStatus, string>> = {
  draft: 'staff.case.actions.takedown.draft',
  submitted: 'staff.case.actions.takedown.submitted',
  acknowledged: 'staff.case.actions.takedown.acknowledged',
  removed: 'staff.case.actions.takedown.removed',
  rejected: 'staff.case.actions.takedown.rejected',
  escalated: 'staff.case.actions.takedown.escalated',
  reappeared: 'staff.case.actions.takedown.reappeared',
};

export const REPORT_ACTION_LABELS: Readonly<Record<ReportStatus, string>> = {
  drafted: 'staff.case.actions.report.drafted',
  filed: 'staff.case.actions.report.filed',
  acknowledged: 'staff.case.actions.report.acknowledged',
  actioned: 'staff.case.actions.report.actioned',
  no_action: 'staff.case.actions.report.no_action',
};

/**
 * The menu for a row: only the moves the server says are allowed now (`allowedTransitions`),
 * in the server's order, each once.
 */
export function statusActions<S extends string>(allowed: readonly S[] | null | undefined, labels: Readonly<Record<S, string>>): StatusAction<S>[] {
  const seen = new Set<S>();
  const actions: StatusAction<S>[] = [];
  for (const status of allowed ?? []) {
    if (seen.has(status) || !(status in labels)) continue;
    seen.add(status);
    actions.push({ status, label: labels[status] });
  }
  return actions;
}

export const takedownActions = (allowed: readonly TakedownStatus[] | null | undefined) => statusActions(allowed, TAKEDOWN_ACTION_LABELS);
export const reportActions = (allowed: readonly ReportStatus[] | null | undefined) => statusActions(allowed, REPORT_ACTION_LABELS);
