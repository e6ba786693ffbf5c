import { findDuplicateReport } from './duplicate-report';

describe('findDuplicateReport', () => {
  const filed = [{ id: 'r1', agencyKind: 'police' as const, agencyName: 'Metropolitan Police', referenceNumber: 'CAD-123' }];

  it('finds the same report to the same agency, whatever the case and spacing', () => {
    expect(findDuplicateReport(filed, { agencyKind: 'police', agencyName: ' metropolitan police ', referenceNumber: 'cad-123' })?.id).toBe('r1');
    expect(findDuplicateReport(filed, { agencyKind: 'police', agencyName: 'Metropolitan Police' })?.id).toBe('r1');
  });

  it('lets a different agency, kind or reference through', () => {
    expect(findDuplicateReport(filed, { agencyKind: 'police', agencyName: 'Police Scotland' })).toBeUndefined();
    expect(findDuplicateReport(filed, { agencyKind: 'police', agencyName: 'Metropolitan Police', referenceNumber: 'CAD-999' })).toBeUndefined();
    expect(findDuplicateReport(filed, { agencyKind: 'platform', agencyName: 'Metropolitan Police' })).toBeUndefined();
  });
});
