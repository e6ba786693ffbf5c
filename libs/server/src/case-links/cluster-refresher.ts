import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { describeDatabaseError } from '../database/connection-errors';
import { retryTransient } from '../database/transient-conflict';
import { clusterRepository } from './cluster.repository';

/** How often a worker recomputes the clusters that committed changes noted: how stale the supervisors' list may be. */
export const CLUSTER_REFRESH_EVERY_MS = 1_000;

/**
 * How many batches a cluster read refreshes first, at most: with the worker running there are a
 * second's notes at most; without it (tests, a worker down) a read still sees recent changes.
 */
const READ_REFRESH_BATCHES = 4;

/**
 * Before a cluster read (the list, one cluster, a cluster's packet): recomputes what committed
 * changes noted, so a supervisor sees every change committed before they asked.
 */
export function refreshClustersBeforeRead(dataSource: DataSource): Promise<number> {
  return retryTransient(() => clusterRepository.refreshNoted(dataSource.manager, READ_REFRESH_BATCHES));
}

/**
 * Keeps the cluster table in step shortly after each change commits (migration
 * 1766860000000-identifier-cluster-noted says why it is not done inside the change). Every worker
 * runs it; two refreshes at once wait for each other's notes and recompute from committed data, so
 * running it in several processes is safe. A failed refresh leaves its notes in the table, and the
 * next tick takes them again: nothing noted is lost.
 */
@Injectable()
export class ClusterRefresher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ClusterRefresher.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), CLUSTER_REFRESH_EVERY_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One refresh at a time in this process: a slow one is not piled upon. */
  private tick(): void {
    if (this.running) return;
    this.running = this.refresh().finally(() => (this.running = undefined));
  }

  /** Recomputes every noted cluster; never throws (the notes stay for the next tick). */
  async refresh(): Promise<void> {
    try {
      await clusterRepository.refreshNoted(this.dataSource.manager);
    } catch (error) {
      this.logger.warn(
        `Refreshing the cluster table failed; the next refresh in ${CLUSTER_REFRESH_EVERY_MS} ms takes it again (${describeDatabaseError(error)})`,
      );
    }
  }
}
