/**
 * Queue names and job payloads: the contract between whoever enqueues and the worker that
 * processes. Every job name has exactly one processor; the worker refuses to start without it.
 */
export const QUEUES = {
  system: 'system',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const SYSTEM_JOBS = {
  heartbeat: 'heartbeat',
} as const;

export interface HeartbeatJob {
  /** When the heartbeat was asked for (ISO 8601). */
  requestedAt: string;
}
