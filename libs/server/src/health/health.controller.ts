import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { API_ROUTES, QUEUES } from '@sg/contracts';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';

const CHECK_TIMEOUT_MS = 3000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS)),
  ]);
}

@ApiTags('health')
@Controller(API_ROUTES.health)
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @InjectQueue(QUEUES.system) private readonly systemQueue: Queue,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOkResponse({ description: 'Database and queue backend are up' })
  @ApiServiceUnavailableResponse({ description: 'The body names the part that is down' })
  check(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: CHECK_TIMEOUT_MS }),
      () => this.checkQueue(),
      () => this.checkWorkers(),
    ]);
  }

  private async checkQueue() {
    const queue = this.indicators.check('queue');
    const backend = this.config.queueBackend;
    try {
      const counts = await withTimeout(this.systemQueue.getJobCounts('waiting', 'active', 'delayed', 'failed'), `${backend} queue backend`);
      return queue.up({ backend, system: counts });
    } catch (error) {
      return queue.down({ backend, message: error instanceof Error ? error.message : String(error) });
    }
  }

  /** Informational only: a stopped worker delays follow-ups, but the API itself still serves. */
  private async checkWorkers() {
    const workers = this.indicators.check('workers');
    try {
      const [row] = await this.dataSource.query(`SELECT max(last_seen_at) AS "lastHeartbeatAt" FROM worker_heartbeat`);
      const count = await withTimeout(this.systemQueue.getWorkersCount(), 'worker count');
      return workers.up({ count, lastHeartbeatAt: row?.lastHeartbeatAt ?? null });
    } catch (error) {
      return workers.up({ count: null, message: error instanceof Error ? error.message : String(error) });
    }
  }
}
