import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { LiveMessage } from '@sg/contracts';
import { Client } from 'pg';
import { Observable, Subject } from 'rxjs';
import { CASE_CHANGES_CHANNEL } from '../case-core/case-notifier';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { caseChangeListenerRepository } from './case-change-listener.repository';
import { errorMessage } from '@sg/domain';

/** Told of every change this process hears, synchronously, in the order PostgreSQL delivers them. */
export type LiveListener = (message: LiveMessage) => void;

/**
 * Listens to PostgreSQL for case changes committed by any API process or worker and fans them
 * out to this process's live subscribers (the dashboards' event streams). One connection per
 * process, re-established if it drops. Each change is parsed once and handed to every listener by
 * a plain call: with 400 open streams and an intake burst that is tens of thousands of deliveries
 * a second, and a pipeline of operators per stream cost more than the streams' socket writes.
 */
@Injectable()
export class CaseEventsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(CaseEventsService.name);
  private readonly listeners = new Set<LiveListener>();
  private readonly changes = new Subject<LiveMessage>();
  private readonly stopping = new Subject<void>();
  private client: Client | undefined;
  private stopped = false;
  private reconnectScheduled = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Every change, for the process's few own consumers (follow-up planning, queue health); streams use listen(). */
  get changes$(): Observable<LiveMessage> {
    return this.changes.asObservable();
  }

  /** Calls `listener` with each change from now on, until the returned function is called. */
  listen(listener: LiveListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Emits once when the process shuts down: open streams end, so the server can close. */
  get stopping$(): Observable<void> {
    return this.stopping.asObservable();
  }

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.stopping.next();
    this.stopping.complete();
    this.listeners.clear();
    this.changes.complete();
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.config.databaseUrl, keepAlive: true });
    this.client = client;
    client.on('notification', (message) => {
      if (message.channel !== CASE_CHANGES_CHANNEL || !message.payload) return;
      let change: LiveMessage;
      try {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- only this server NOTIFYs on this channel, each payload JSON.stringify of a LiveMessage (checked with `satisfies` where it is written).
        change = JSON.parse(message.payload) as LiveMessage;
      } catch {
        this.logger.warn('Ignored a malformed case change notification');
        return;
      }
      this.deliver(change);
    });
    client.on('error', (error) => {
      this.logger.warn(`Live updates connection lost (${error.message}); reconnecting`);
      this.reconnectLater();
    });
    client.on('end', () => this.reconnectLater());
    await client.connect();
    await caseChangeListenerRepository.listen(client);
  }

  /** Every listener hears the change; one that throws is logged and does not stop the others. */
  deliver(change: LiveMessage): void {
    this.changes.next(change);
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        this.logger.warn(`A live stream failed to take a change: ${errorMessage(error)}`);
      }
    }
  }

  /** `error` and `end` both fire when a connection drops: only one reconnect may be pending. */
  private reconnectLater(): void {
    if (this.stopped || this.reconnectScheduled) return;
    this.reconnectScheduled = true;
    const previous = this.client;
    this.client = undefined;
    previous?.removeAllListeners();
    previous?.on('error', () => undefined);
    setTimeout(() => {
      this.reconnectScheduled = false;
      if (this.stopped || this.client) return;
      this.connect().catch((error) => {
        this.logger.warn(`Could not reconnect live updates: ${errorMessage(error)}`);
        this.reconnectLater();
      });
    }, 1000).unref();
  }
}
