import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { QUEUES } from '@sg/contracts';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { postgresQueueTuningRepository } from './postgres-queue-tuning.repository';
import { BULLMQ_SCHEMA } from './queue-connection';

/** BullMQ's tables that are rewritten all day: jobs change state and are deleted; events are appended and trimmed. */
export const CHURNING_QUEUE_TABLES = ['job', 'event'] as const;

/**
 * Vacuum settings for those tables: after a fixed number of dead rows, at full speed. PostgreSQL's
 * default (once a fifth of the table is dead, unhurried) let dead rows pile up in the partial
 * index BullMQ scans to promote delayed jobs, until every promotion waded through them: at 555
 * follow-ups due a second, firing fell a minute behind between two autovacuums.
 */
export const QUEUE_TABLE_VACUUM = 'autovacuum_vacuum_scale_factor=0,autovacuum_vacuum_threshold=5000,autovacuum_vacuum_cost_delay=0';

/**
 * On the PostgreSQL queue backend, a worker sets QUEUE_TABLE_VACUUM on BullMQ's tables once
 * BullMQ has created them. Storage parameters belong to the table, so this holds on any server;
 * how often autovacuum looks is the server's own setting (the embedded server checks every 3 s;
 * README: running with your own PostgreSQL).
 */
@Injectable()
export class PostgresQueueTuning implements OnApplicationBootstrap {
  private readonly logger = new Logger(PostgresQueueTuning.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(QUEUES.system) private readonly queue: Queue,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.queueBackend !== 'postgres') return;
    await this.queue.waitUntilReady(); // BullMQ has created or upgraded its schema by now
    for (const table of CHURNING_QUEUE_TABLES) {
      await this.tune(`${BULLMQ_SCHEMA}.${table}`).catch((error: Error) =>
        // Not fatal: the queues work without it, only slower under heavy load.
        this.logger.warn(`Could not set vacuum settings on ${BULLMQ_SCHEMA}.${table}: ${error.message}`),
      );
    }
  }

  private async tune(table: string): Promise<void> {
    const row = await postgresQueueTuningRepository.tableOptions(this.dataSource, table);
    if (!row) throw new Error('the table does not exist');
    const wanted = QUEUE_TABLE_VACUUM.split(',');
    const current: string[] = row.reloptions ?? [];
    if (wanted.every((option) => current.includes(option))) return; // already set: take no lock
    // The ALTER waits for a vacuum in progress on the table; never hold up start-up for long.
    await this.dataSource.transaction((manager) => postgresQueueTuningRepository.setOptions(manager, table, wanted));
  }
}
