import { CASE_STATUSES } from '../cases/case-lifecycle';
import { caseRecordChangeProblem } from './case-records-guard';

describe('caseRecordChangeProblem', () => {
  it.each(CASE_STATUSES.filter((s) => s !== 'resolved' && s !== 'closed'))('allows adding and changing while the case is %s', (status) => {
    expect(caseRecordChangeProblem(status, 'add', 'takedown request')).toBeNull();
    expect(caseRecordChangeProblem(status, 'update', 'report')).toBeNull();
  });

  it('lets a resolved case record what happens to its existing requests and reports, but start nothing new', () => {
    expect(caseRecordChangeProblem('resolved', 'update', 'takedown request')).toBeNull();
    expect(caseRecordChangeProblem('resolved', 'add', 'report')).toBe(
      'This case is resolved: reopen it to add a new report. Its existing reports can still be updated.',
    );
  });

  it('refuses everything on a closed case, saying to reopen it', () => {
    expect(caseRecordChangeProblem('closed', 'add', 'takedown request')).toBe('This case is closed: reopen it to add a takedown request.');
    expect(caseRecordChangeProblem('closed', 'update', 'report')).toBe('This case is closed: reopen it to change its reports.');
  });
});
