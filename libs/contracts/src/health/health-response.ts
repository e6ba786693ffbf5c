/**
 * `GET /api/health` (Terminus' shape): 200 with `status: "ok"` when every part is up; 503 with
 * `status: "error"` and the failing part under `error`, e.g. `{ error: { queue: { status: "down", message } } }`.
 */
export interface HealthComponent {
  status: 'up' | 'down';
  message?: string;
  [detail: string]: unknown;
}

export interface HealthResponse {
  status: 'ok' | 'error' | 'shutting_down';
  info?: Record<string, HealthComponent>;
  error?: Record<string, HealthComponent>;
  details: {
    database: HealthComponent;
    queue: HealthComponent & { backend: 'postgres' | 'redis' };
    /**
     * Always `up` (a warning, never a 503): `attention` is true when the heartbeat is older than
     * `staleAfterSeconds` (no worker has run a job lately) or the follow-up sweep is not
     * scheduled or overdue (the queue backend lost its data, or no worker takes jobs); null when
     * that could not be read.
     */
    workers: HealthComponent & {
      count: number | null;
      lastHeartbeatAt?: string | null;
      attention?: boolean | null;
      staleAfterSeconds?: number;
      heartbeatStale?: boolean;
      sweep?: { scheduled: boolean; nextRunAt: string | null; stale: boolean };
    };
    /**
     * Always `up` (a warning, never a 503): `attention` is true when follow-ups are scheduled but
     * more than `overdueAfterMinutes` past due, or follow-up jobs failed for good; null when
     * they could not be counted (the database or queue check then says why).
     */
    followUps: HealthComponent & {
      attention: boolean | null;
      overdue?: number;
      overdueAfterMinutes?: number;
      oldestOverdueDueAt?: string | null;
      failedJobs?: number;
      jobs?: Record<string, number>;
    };
    /**
     * Always `up`: `attention` is true when one of the newest links of the audit log's hash chain
     * no longer verifies (a sealed audit row was changed or removed); `brokenAuditIds` names them.
     */
    auditChain?: HealthComponent & {
      attention: boolean | null;
      checkedLinks?: number;
      brokenAuditIds?: string[];
      headPosition?: string | null;
    };
  };
}
