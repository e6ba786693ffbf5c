import { ReportAgencyKind } from './report-lifecycle';

interface ReportIdentity {
  agencyKind: ReportAgencyKind;
  agencyName: string;
  referenceNumber?: string | null;
}

const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

/**
 * A report already on the case that a new one would repeat: the same kind of agency and the same
 * agency, and the same reference number (or none given for the new one). Filing twice is
 * sometimes right (a second incident), so callers warn and let the caseworker go on.
 */
export function findDuplicateReport<T extends ReportIdentity>(existing: readonly T[], candidate: ReportIdentity): T | undefined {
  return existing.find(
    (report) =>
      report.agencyKind === candidate.agencyKind &&
      same(report.agencyName, candidate.agencyName) &&
      (!candidate.referenceNumber?.trim() || same(report.referenceNumber, candidate.referenceNumber)),
  );
}
