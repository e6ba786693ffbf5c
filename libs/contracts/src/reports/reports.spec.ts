import { reportCreateSchema } from './reports';

describe('reportCreateSchema', () => {
  const base = { agencyKind: 'police' as const, agencyName: 'Metropolitan Police' };

  it('takes a filing time in the past or now (a clock a little ahead is tolerated)', () => {
    expect(reportCreateSchema.safeParse({ ...base, filedAt: new Date(Date.now() - 86_400_000).toISOString() }).success).toBe(true);
    expect(reportCreateSchema.safeParse({ ...base, filedAt: new Date(Date.now() + 60_000).toISOString() }).success).toBe(true);
  });

  it('refuses a filing time in the future, naming filedAt', () => {
    const result = reportCreateSchema.safeParse({ ...base, filedAt: new Date(Date.now() + 2 * 86_400_000).toISOString() });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['filedAt'], message: 'cannot be in the future' })]);
  });
});
