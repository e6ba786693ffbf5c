import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last time each worker process ran its heartbeat job: how health knows the workers are alive. */
@Entity({ name: 'worker_heartbeat' })
export class WorkerHeartbeat {
  @PrimaryColumn({ name: 'worker_id', type: 'text' })
  workerId!: string;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt!: Date;

  @Column({ name: 'jobs_processed', type: 'bigint', default: 0 })
  jobsProcessed!: string;
}
