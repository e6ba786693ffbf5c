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
 * Live events of changes that have committed, sent to PostgreSQL together: while one statement of
 * NOTIFYs is on its way, the events that arrive meanwhile wait and go out in the next one (as
 * PostgreSQL's group commit does for commits). With one change at a time nothing waits; under a
 * burst, fifty intakes committed together cost one NOTIFY statement instead of fifty round trips,
 * and PostgreSQL takes its database-wide NOTIFY lock once for them all.
 *
 * Each statement runs on the connection of a change in it that committed in a transaction, which
 * that change's caller still holds (its after-commit work has not returned): sending never asks the
 * pool for another connection while connections wait here, so a pool whose every connection waits
 * here cannot deadlock. Events go out in the order they were queued.
 */
export class LiveAnnouncements {
  private readonly waiting: Waiting[] = [];
  private sending = false;

  constructor(private readonly channel: string) {}

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
            heldConnectionOf(batch),
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
 * A connection one of the batch's callers holds, if any does; else the pool's manager (then none of
 * them holds a connection, so taking one from the pool waits for nobody here).
 */
function heldConnectionOf(batch: readonly Waiting[]): EntityManager {
  return (batch.find((one) => one.manager.queryRunner !== undefined) ?? present(batch[0], 'an announcement to send')).manager;
}

/** One sender per database and channel: the tests run several databases in one process. */
const senders = new WeakMap<DataSource, Map<string, LiveAnnouncements>>();

export function liveAnnouncementsFor(dataSource: DataSource, channel: string): LiveAnnouncements {
  let byChannel = senders.get(dataSource);
  if (!byChannel) senders.set(dataSource, (byChannel = new Map<string, LiveAnnouncements>()));
  let sender = byChannel.get(channel);
  if (!sender) byChannel.set(channel, (sender = new LiveAnnouncements(channel)));
  return sender;
}
