import { FOLLOW_UP_JOBS, FireFollowUpJob } from '@sg/contracts';

/*
 * How a follow-up becomes a BullMQ job. Framework-free and kept apart so the benchmark enqueues
 * exactly what production does (tools/bench/follow-ups.mjs loads this file).
 */

/** A follow-up whose job must exist: fire revision `revision` at `dueAt`. */
export interface FollowUpJobRequest {
  id: string;
  dueAt: Date;
  revision: number;
}

/**
 * One job id per schedule of a follow-up. Both backends ignore an add whose id exists in any
 * state, including completed and failed jobs they keep: an id that changes with every
 * (re)schedule is what makes a revived or moved follow-up get a job that will really run.
 * Adding the same revision twice (the sweep, two workers) is still a no-op.
 */
export function fireJobId(request: Pick<FollowUpJobRequest, 'id' | 'revision'>): string {
  return `fire_${request.id}_${request.revision}`;
}

/** Exponential backoff from 1 s, capped at a minute, so a long outage is retried steadily. */
export const FIRE_BACKOFF_TYPE = 'capped_exponential';
const FIRE_BACKOFF_BASE_MS = 1000;
export const FIRE_BACKOFF_CAP_MS = 60_000;

/** BullMQ calls this for the custom backoff type (registered in the worker's settings). */
export function fireBackoff(attemptsMade: number): number {
  return Math.min(FIRE_BACKOFF_CAP_MS, FIRE_BACKOFF_BASE_MS * 2 ** Math.max(0, attemptsMade - 1));
}

/**
 * 80 attempts: 1+2+...+32 s, then a minute apart, about 74 minutes in all, so a fire survives the
 * database (or Redis) being away for an hour. Past that the job fails and the sweep retries it.
 */
export const FIRE_JOB_ATTEMPTS = 80;

export function fireJobs(requests: readonly FollowUpJobRequest[], now = Date.now()) {
  return requests.map((request) => ({
    name: FOLLOW_UP_JOBS.fire,
    data: { followUpId: request.id, dueAt: new Date(request.dueAt).toISOString(), revision: request.revision } satisfies FireFollowUpJob,
    opts: {
      jobId: fireJobId(request),
      delay: Math.max(0, new Date(request.dueAt).getTime() - now),
      attempts: FIRE_JOB_ATTEMPTS,
      backoff: { type: FIRE_BACKOFF_TYPE, delay: FIRE_BACKOFF_BASE_MS },
      // A finished fire job is not kept: its id is never wanted again (a new schedule is a new
      // revision), the follow-up row and the timeline are the record, and trimming thousands of
      // kept jobs on every completion roughly halved throughput on the PostgreSQL backend.
      // Failed jobs are kept (the queue's default) so the sweep can retry them.
      removeOnComplete: true,
    },
  }));
}

/**
 * After the jobs were added: which revision of each follow-up has its job, so the sweep skips
 * them. Params: $1 follow-up ids, $2 their revisions. A follow-up rescheduled meanwhile keeps
 * its newer revision unmarked, and so is swept.
 */
export const MARK_ENQUEUED_SQL = `UPDATE follow_up f SET enqueued_revision = r.revision
   FROM unnest($1::uuid[], $2::int[]) AS r(id, revision)
  WHERE f.id = r.id AND f.revision = r.revision AND f.enqueued_revision IS DISTINCT FROM r.revision`;
