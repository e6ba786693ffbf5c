import { AppConfig } from './app-config';

/**
 * The configuration a worker process runs with. Unless WORKER_SYNCHRONOUS_COMMIT is set, a
 * worker's commits do not wait for the disk. Everything a worker writes is done again if a
 * database crash loses its last fraction of a second: a follow-up whose firing was lost is still
 * scheduled and its job still (or again) in the queue, and the sweep fires it; a lost plan is
 * made by the next sweep. On the PostgreSQL queue backend, a job's completion is written after
 * its firing, so a completion that survived means its firing did too. What people enter (an
 * intake, a note, a claim) goes through the API, whose commits always wait.
 *
 * Why it matters: PostgreSQL lets one transaction at a time commit after a NOTIFY, and every
 * firing (the bell) and every BullMQ state change on the PostgreSQL backend notifies. Waiting
 * for the disk inside that lock is what limited a worker to about 600 follow-ups a second.
 */
export function workerConfig(config: AppConfig): AppConfig {
  return { ...config, synchronousCommit: config.workerSynchronousCommit };
}

/** The PostgreSQL session options that carry `synchronousCommit` to every pooled connection. */
export function postgresSessionOptions(config: Pick<AppConfig, 'synchronousCommit'>): { options?: string } {
  return config.synchronousCommit ? {} : { options: '-c synchronous_commit=off' };
}
