import {
  REPORT_AGENCY_KINDS,
  REPORT_AGENCY_KIND_LABELS,
  REPORT_STATUSES,
  REPORT_STATUS_LABELS,
  allowedReportTransitions,
  isReportAgencyKind,
  isReportStatus,
  reportTransitionProblem,
} from './report-lifecycle';

describe('report lifecycle', () => {
  const allowed = [
    ['drafted', 'filed'],
    ['filed', 'acknowledged'],
    ['filed', 'actioned'],
    ['filed', 'no_action'],
    ['acknowledged', 'actioned'],
    ['acknowledged', 'no_action'],
  ] as const;

  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(reportTransitionProblem(from, to)).toBeNull();
    expect(allowedReportTransitions(from)).toContain(to);
  });

  it('refuses every other move with a message', () => {
    const refused = REPORT_STATUSES.flatMap((from) =>
      REPORT_STATUSES.filter((to) => !allowedReportTransitions(from).includes(to)).map((to) => [from, to] as const),
    );
    expect(refused).toHaveLength(25 - allowed.length);
    for (const [from, to] of refused) expect(reportTransitionProblem(from, to)).toEqual(expect.any(String));
  });

  it('explains the refusals in words a caseworker understands', () => {
    expect(reportTransitionProblem('drafted', 'acknowledged')).toMatch(/Mark the report as filed first/);
    expect(reportTransitionProblem('actioned', 'filed')).toMatch(/file a new report/);
    expect(reportTransitionProblem('no_action', 'actioned')).toMatch(/"No action taken"/);
    expect(reportTransitionProblem('acknowledged', 'filed')).toBe('A report that is "Acknowledged" can only move to "Actioned" or "No action taken".');
    expect(reportTransitionProblem('filed', 'filed')).toBe('The report is already marked "Filed".');
  });

  it('treats the agency answer as final', () => {
    expect(allowedReportTransitions('actioned')).toEqual([]);
    expect(allowedReportTransitions('no_action')).toEqual([]);
  });

  it('labels every status and agency kind, and recognises only its own values', () => {
    for (const status of REPORT_STATUSES) expect(REPORT_STATUS_LABELS[status]).toEqual(expect.any(String));
    expect(REPORT_AGENCY_KINDS).toEqual(['police', 'cybercrime_unit', 'cybertipline', 'platform']);
    for (const kind of REPORT_AGENCY_KINDS) expect(REPORT_AGENCY_KIND_LABELS[kind]).toEqual(expect.any(String));
    expect(isReportStatus('no_action')).toBe(true);
    expect(isReportStatus('closed')).toBe(false);
    expect(isReportAgencyKind('cybertipline')).toBe(true);
    expect(isReportAgencyKind('fbi')).toBe(false);
    expect(isReportAgencyKind(undefined)).toBe(false);
  });
});
