/**
 * Default options for every job on every queue: a failed job is retried with backoff and kept,
 * never silently dropped. Fire jobs bring their own attempts and backoff (follow-ups/fire-jobs.ts).
 * Framework-free so the benchmark enqueues with exactly these.
 */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: false,
} as const;
