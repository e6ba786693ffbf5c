import { FIRE_BACKOFF_CAP_MS, FIRE_JOB_ATTEMPTS, fireBackoff, fireJobId, fireJobs } from './fire-jobs';

describe('fire jobs', () => {
  it('gives every revision of a follow-up its own job id', () => {
    expect(fireJobId({ id: 'f1', revision: 1 })).toBe('fire_f1_1');
    expect(fireJobId({ id: 'f1', revision: 2 })).not.toBe(fireJobId({ id: 'f1', revision: 1 }));
  });

  it('backs off exponentially from 1 s, capped at a minute', () => {
    expect([1, 2, 3, 6, 7, 8, 79].map(fireBackoff)).toEqual([1000, 2000, 4000, 32_000, 60_000, 60_000, 60_000]);
  });

  it('retries for more than an hour before failing for good', () => {
    let total = 0;
    for (let attempt = 1; attempt < FIRE_JOB_ATTEMPTS; attempt += 1) total += Math.min(fireBackoff(attempt), FIRE_BACKOFF_CAP_MS);
    expect(total).toBeGreaterThan(60 * 60_000);
  });

  it('delays each job until its due time, carrying the revision', () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    const [job, overdue] = fireJobs(
      [
        { id: 'f1', dueAt: new Date(now + 5000), revision: 3 },
        { id: 'f2', dueAt: new Date(now - 5000), revision: 1 },
      ],
      now,
    );
    expect(job).toMatchObject({
      name: 'fire',
      data: { followUpId: 'f1', revision: 3, dueAt: '2026-12-01T12:00:05.000Z' },
      opts: { jobId: 'fire_f1_3', delay: 5000, attempts: FIRE_JOB_ATTEMPTS },
    });
    expect(overdue?.opts.delay).toBe(0);
  });
});
