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
    workers: HealthComponent & { count: number | null; lastHeartbeatAt?: string | null };
  };
}
