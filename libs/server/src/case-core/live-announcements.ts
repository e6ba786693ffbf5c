import { present } from '@sg/domain';
import { DataSource, EntityManager } from 'typeorm';
import { supportCaseRepository } from './support-case.repository';

/** At most this many NOTIFYs per statement (a NOTIFY payload is at most 8,000 bytes). */
const MOST_PER_STATEMENT = 200;

interface Waiting {
  payload: string;
  manager: EntityManager;
  sent: () => void;
  failed: (error: unknown) => void;
}

/**
 * One line of announcements: while one statement of NOTIFYs is on its way, the events that arrive
 * meanwhile wait and go out together in the next (as PostgreSQL's group commit does for commits),
 * in the order they were queued. With one change at a time nothing waits.
 */
class AnnouncementLine {
  private readonly waiting: Waiting[] = [];
  private sending = false;

  constructor(
    private readonly channel: string,
    /** The manager a batch's statement runs on. */
    private readonly managerFor: (batch: readonly Waiting[]) => EntityManager,
  ) {}

  send(manager: EntityManager, payload: string): Promise<void> {
    return new Promise<void>((sent, failed) => {
      this.waiting.push({ payload, manager, sent, failed });
      if (!this.sending) void this.sendWaiting();
    });
  }

  private async sendWaiting(): Promise<void> {
    this.sending = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, MOST_PER_STATEMENT);
        try {
          await supportCaseRepository.announceAll(
            this.managerFor(batch),
            this.channel,
            batch.map((one) => one.payload),
          );
          for (const one of batch) one.sent();
        } catch (error) {
          for (const one of batch) one.failed(error);
        }
      }
    } finally {
      this.sending = false;
    }
  }
}

/**
 * Live events of changes that have committed, sent to PostgreSQL together: under a burst, fifty
 * intakes committed together cost one NOTIFY statement instead of fifty round trips, and
 * PostgreSQL takes its database-wide NOTIFY lock once for them all.
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
  private readonly held: AnnouncementLine;
  private readonly pooled: AnnouncementLine;

  constructor(channel: string, dataSource: DataSource) {
    this.held = new AnnouncementLine(channel, (batch) => present(batch[0], 'an announcement to send').manager);
    this.pooled = new AnnouncementLine(channel, () => dataSource.manager);
  }

  send(manager: EntityManager, payload: string): Promise<void> {
    return (manager.queryRunner ? this.held : this.pooled).send(manager, payload);
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
