import { EntityManager, EventSubscriber, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { Logger } from '@nestjs/common';
import { describeDatabaseError } from './connection-errors';

/** Work that must happen only once the change it belongs to has committed, on the same connection. */
export type AfterCommitWork = (manager: EntityManager) => Promise<void>;

const pending = new WeakMap<QueryRunner, AfterCommitWork[]>();
const logger = new Logger('AfterCommit');

/**
 * Runs `work` once the transaction `manager` belongs to has committed; at once when it is in none
 * (a single statement has committed by the time it returns). Dropped when the transaction rolls
 * back. Only the outermost transaction counts: this code base runs none inside another.
 *
 * Why it exists: a NOTIFY sent inside a transaction makes PostgreSQL serialise that transaction's
 * commit, disk flush included, with every other notifying transaction's, database-wide. Every
 * intake and every message notified the live streams that way, so they committed one flush at a
 * time (an INSERT with a NOTIFY ran at a fifth of the same INSERT alone, 509 against 2,737/s on
 * 20 clients here). Sent after the commit, in a statement of its own that does not wait for the
 * disk, the notification holds that lock for a moment and the change itself commits with
 * everyone else's (group commit).
 */
export async function afterCommit(manager: EntityManager, work: AfterCommitWork): Promise<void> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) {
    await runCommitted(work, manager);
    return;
  }
  const queued = pending.get(runner);
  if (queued) queued.push(work);
  else pending.set(runner, [work]);
}

/** Runs work for a change that has committed; a failure is logged, never thrown: the caller must not be told the change failed. */
async function runCommitted(work: AfterCommitWork, manager: EntityManager): Promise<void> {
  try {
    await work(manager);
  } catch (error) {
    logger.warn(`Work after a commit failed; the change itself is saved (${describeDatabaseError(error)})`);
  }
}

/**
 * Registered with every DataSource (dataSourceOptions): runs what `afterCommit` queued once the
 * outermost transaction has committed, in order, on the connection that committed it.
 */
@EventSubscriber()
export class AfterCommitSubscriber implements EntitySubscriberInterface {
  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const runner = event.queryRunner;
    if (runner.isTransactionActive) return;
    const queued = pending.get(runner);
    if (!queued) return;
    pending.delete(runner);
    for (const work of queued) await runCommitted(work, event.manager);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) pending.delete(event.queryRunner);
  }
}
