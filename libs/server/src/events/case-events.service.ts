import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { LiveMessage } from '@sg/contracts';
import { Client } from 'pg';
import { Observable, Subject } from 'rxjs';
import { CASE_CHANGES_CHANNEL } from '../case-core/case-notifier';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { caseChangeListenerRepository } from './case-change-listener.repository';
import { errorMessage } from '@sg/domain';

/**
 * Listens to PostgreSQL for case changes committed by any API process or worker and fans them
 * out to this process's live subscribers (the dashboards' event streams). One connection per
 * process, re-established if it drops.
 */
@Injectable()
export class CaseEventsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(CaseEventsService.name);
  private readonly changes = new Subject<LiveMessage>();
  private readonly stopping = new Subject<void>();
  private client: Client | undefined;
  private stopped = false;
  private reconnectScheduled = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get changes$(): Observable<LiveMessage> {
    return this.changes.asObservable();
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
    this.changes.complete();
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.config.databaseUrl, keepAlive: true });
    this.client = client;
    client.on('notification', (message) => {
      if (message.channel !== CASE_CHANGES_CHANNEL || !message.payload) return;
      try {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- only this server NOTIFYs on this channel, each payload JSON.stringify of a LiveMessage (checked with `satisfies` where it is written).
        this.changes.next(JSON.parse(message.payload) as LiveMessage);
      } catch {
        this.logger.warn('Ignored a malformed case change notification');
      }
    });
    client.on('error', (error) => {
      this.logger.warn(`Live updates connection lost (${error.message}); reconnecting`);
      this.reconnectLater();
    });
    client.on('end', () => this.reconnectLater());
    await client.connect();
    await caseChangeListenerRepository.listen(client);
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
