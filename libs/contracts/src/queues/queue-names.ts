/**
 * Queue names and job payloads: the contract between whoever enqueues and the worker that
 * processes. Every job name has exactly one processor; the worker refuses to start without it.
 */
export const QUEUES = {
  system: 'system',
  followUps: 'follow-ups',
  nudges: 'nudges',
  retention: 'retention',
  keys: 'keys',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const SYSTEM_JOBS = {
  heartbeat: 'heartbeat',
  /** Periodic: deletes records kept only for a while (replayable intake answers, sign-in throttles). */
  purgeExpired: 'purge-expired',
  /** Periodic: seals new audit rows into the audit log's hash chain, in order (one sealer at a time). */
  sealAudit: 'seal-audit',
} as const;

export interface HeartbeatJob {
  /** When the heartbeat was asked for (ISO 8601). */
  requestedAt: string;
}

/** `purge-expired` carries nothing but when it was asked for; what expires is decided by the worker. */
export type PurgeExpiredJob = HeartbeatJob;

export const FOLLOW_UP_JOBS = {
  /** Fire one follow-up (idempotent: a follow-up fires once, whatever the retries). */
  fire: 'fire',
  /** Periodic safety net: enqueue any scheduled follow-up whose job went missing. */
  sweep: 'sweep',
  /** E-mail one member of staff about a fired follow-up (only when SMTP is configured). */
  mail: 'mail',
} as const;

export interface FireFollowUpJob {
  followUpId: string;
  /** The due time this job was made for (ISO). */
  dueAt: string;
  /**
   * The follow-up's revision this job was made for: every (re)schedule bumps it and so makes a
   * new job; a job for an older revision does nothing. Absent on jobs queued before revisions.
   */
  revision?: number;
}

export const NUDGE_JOBS = {
  /** Tell the person, through the channel they gave, that a new message is waiting (once per message). */
  send: 'send',
  /** Periodic safety net: queue any nudge whose job went missing (the API could not reach the queue). */
  sweep: 'sweep',
} as const;

/** `send`: the message whose nudge is due. The job carries no contact detail and no words. */
export interface SendNudgeJob {
  messageId: string;
}

export const RETENTION_JOBS = {
  /** Daily: purges expired cases (retention, the person's requests past cooling-off), never one on legal hold. Safe to run twice. */
  purgeCases: 'purge-cases',
} as const;

/** `purge-cases` carries nothing but when it was asked for; what has expired is decided by the worker. */
export type PurgeCasesJob = HeartbeatJob;

export const KEY_JOBS = {
  /**
   * Every 6 hours and at worker start: seals free text still stored in clear and re-seals values
   * under an older data key with the current one (keys/reseal.ts). Batched, resumable, safe to run twice.
   */
  reseal: 'reseal',
} as const;

/** `reseal` carries nothing but when it was asked for; what is left is found in the database. */
export type ResealJob = HeartbeatJob;
