import { present } from '@sg/domain';
import { DataSource, EntityManager } from 'typeorm';
import { MicroBatcher } from '../database/micro-batcher';
import { supportCaseRepository } from './support-case.repository';

/** At most this many NOTIFYs per statement (a NOTIFY payload is at most 8,000 bytes). */
const MOST_PER_STATEMENT = 200;

interface Announcement {
  payload: string;
  manager: EntityManager;
}

/**
 * Live events of changes that have committed, sent to PostgreSQL together (MicroBatcher, one
 * statement at a time so they go out in the order queued): under a burst, fifty intakes committed
 * together cost one NOTIFY statement instead of fifty round trips, and PostgreSQL takes its
 * database-wide NOTIFY lock once for them all. One change alone waits for nothing.
 *
 * Two lines, so that nothing waits for a connection that a waiter holds:
 * - changes that committed in a transaction still hold its connection while they wait (their
 *   after-commit work has not returned), and their statement runs on one of those: this line never
 *   asks the pool for a connection;
 * - changes made outside a transaction (the intake's single statement) hold none, and their
 *   statement takes one from the pool. If they shared the first line, a statement waiting for a
 *   pooled connection would hold up transactions that keep every pooled connection until it is
 *   sent: a deadlock.
 */
export class LiveAnnouncements {
  private readonly held: MicroBatcher<Announcement, 'sent'>;
  private readonly pooled: MicroBatcher<Announcement, 'sent'>;

  constructor(channel: string, dataSource: DataSource) {
    const line = (managerFor: (batch: readonly Announcement[]) => EntityManager) =>
      new MicroBatcher<Announcement, 'sent'>(
        async (batch) => {
          await supportCaseRepository.announceAll(
            managerFor(batch),
            channel,
            batch.map((one) => one.payload),
          );
          return batch.map(() => 'sent' as const);
        },
        { maxBatch: MOST_PER_STATEMENT, maxInFlight: 1 },
      );
    this.held = line((batch) => present(batch[0], 'an announcement to send').manager);
    this.pooled = line(() => dataSource.manager);
  }

  async send(manager: EntityManager, payload: string): Promise<void> {
    await (manager.queryRunner ? this.held : this.pooled).submit({ payload, manager });
  }
}

/** One sender per database and channel: the tests run several databases in one process. */
const senders = new WeakMap<DataSource, Map<string, LiveAnnouncements>>();

export function liveAnnouncementsFor(dataSource: DataSource, channel: string): LiveAnnouncements {
  let byChannel = senders.get(dataSource);
  if (!byChannel) senders.set(dataSource, (byChannel = new Map<string, LiveAnnouncements>()));
  let sender = byChannel.get(channel);
  if (!sender) byChannel.set(channel, (sender = new LiveAnnouncements(channel, dataSource)));
  return sender;
}
