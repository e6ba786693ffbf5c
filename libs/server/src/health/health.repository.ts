import { DataSource } from 'typeorm';

/** The health checks' SQL, with the row types they read. */
export const healthRepository = {
  async lastHeartbeatAt(dataSource: DataSource): Promise<Date | null> {
    const rows = await dataSource.query<{ lastHeartbeatAt: Date | null }[]>(`SELECT max(last_seen_at) AS "lastHeartbeatAt" FROM worker_heartbeat`);
    return rows[0]?.lastHeartbeatAt ?? null;
  },

  /** Scheduled follow-ups whose due time passed more than `minutes` ago (an aggregate: always one row). */
  async overdueFollowUps(dataSource: DataSource, minutes: number): Promise<{ count: number; oldestDueAt: Date | null }> {
    const rows = await dataSource.query<{ count: number; oldestDueAt: Date | null }[]>(
      `SELECT count(*)::int AS count, min(due_at) AS "oldestDueAt" FROM follow_up
        WHERE status = 'scheduled' AND due_at < now() - make_interval(mins => $1)`,
      [minutes],
    );
    return rows[0] ?? { count: 0, oldestDueAt: null };
  },
};
