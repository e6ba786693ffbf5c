import { DataSource } from 'typeorm';

/** Worker heartbeat SQL: the row health reads to know jobs flow end to end. */
export const workerHeartbeatRepository = {
  /** Records that worker `workerId` processed a heartbeat now. An upsert: running the same heartbeat twice is harmless. */
  async beat(dataSource: DataSource, workerId: string): Promise<void> {
    await dataSource.query(
      `INSERT INTO worker_heartbeat (worker_id, last_seen_at, jobs_processed)
           VALUES ($1, now(), 1)
           ON CONFLICT (worker_id) DO UPDATE
             SET last_seen_at = now(), jobs_processed = worker_heartbeat.jobs_processed + 1`,
      [workerId],
    );
  },
};
