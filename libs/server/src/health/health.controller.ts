import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { API_ROUTES, FOLLOW_UP_JOBS, HealthResponse, QUEUES } from '@sg/contracts';
import { healthResponseSchema } from '@sg/contracts/schemas';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { verifyAuditChain } from '../audit/seal-audit-chain';
import { Public } from '../auth/auth.decorators';
import { AppConfig } from '../config/app-config';
import { healthRepository } from './health.repository';
import { APP_CONFIG } from '../config/app-config.token';
import { DataProtection } from '../security/data-protection';
import { ApiAnswer } from '../http/openapi-schema';

const CHECK_TIMEOUT_MS = 3000;
/** A scheduled follow-up this long past due should have fired: someone is waiting on it. */
export const FOLLOW_UP_OVERDUE_MINUTES = 5;
/** Three heartbeats missed (one every 30 s): no worker has run a job lately. */
export const HEARTBEAT_STALE_AFTER_SECONDS = 90;
/** The sweep's next run this far in the past (four sweeps) means no worker takes it. */
export const SWEEP_STALE_AFTER_SECONDS = 60;
/** Health re-checks the newest links of the audit chain on every request; `npm run audit:verify` checks all of it. */
export const AUDIT_CHAIN_HEALTH_LINKS = 1000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS)),
  );
  // Cleared once answered, so a healthy check leaves no timer running behind it.
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
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
    @InjectQueue(QUEUES.followUps) private readonly followUpQueue: Queue,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly protection: DataProtection,
  ) {}

  @ApiOperation({ summary: 'Is the service up: database, queue backend, worker heartbeat' })
  @Get()
  // Above @HealthCheck, so its 200 (from the contract) replaces Terminus' generic one.
  @ApiAnswer(200, healthResponseSchema, 'Database and queue backend are up')
  @HealthCheck()
  @ApiServiceUnavailableResponse({ description: 'The body names the part that is down' })
  async check(): Promise<HealthResponse> {
    // Terminus types `details` as an open record; the checks below always name these five parts.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- Terminus types `details` as an open record; the five checks below are exactly the parts HealthResponse names.
    return (await this.health.check([
      () => this.database.pingCheck('database', { timeout: CHECK_TIMEOUT_MS }),
      () => this.checkQueue(),
      () => this.checkWorkers(),
      () => this.checkFollowUps(),
      () => this.checkAuditChain(),
    ])) as HealthResponse;
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

  /**
   * A warning, never a 503 (the API itself still serves): `attention` when the heartbeat is stale
   * or the follow-up sweep is not scheduled or overdue. A queue backend that lost its data takes
   * the schedules with it (the worker adds them back within SCHEDULES_CHECK_EVERY_MS); a stopped
   * worker leaves both to go stale.
   */
  private async checkWorkers() {
    const workers = this.indicators.check('workers');
    try {
      const [lastHeartbeatAt, count, sweep] = await Promise.all([
        withTimeout(healthRepository.lastHeartbeatAt(this.dataSource), 'last heartbeat'),
        withTimeout(this.systemQueue.getWorkersCount(), 'worker count'),
        withTimeout(this.followUpQueue.getJobScheduler(FOLLOW_UP_JOBS.sweep), 'sweep schedule'),
      ]);
      const now = Date.now();
      const heartbeatStale = !lastHeartbeatAt || now - new Date(lastHeartbeatAt).getTime() > HEARTBEAT_STALE_AFTER_SECONDS * 1000;
      const nextSweep = sweep?.next ?? null;
      const sweepStale = !sweep || (nextSweep !== null && now - nextSweep > SWEEP_STALE_AFTER_SECONDS * 1000);
      return workers.up({
        count,
        lastHeartbeatAt,
        attention: heartbeatStale || sweepStale,
        staleAfterSeconds: HEARTBEAT_STALE_AFTER_SECONDS,
        heartbeatStale,
        sweep: { scheduled: Boolean(sweep), nextRunAt: nextSweep === null ? null : new Date(nextSweep).toISOString(), stale: sweepStale },
      });
    } catch (error) {
      return workers.up({ count: null, attention: null, message: error instanceof Error ? error.message : String(error) });
    }
  }

  /**
   * Follow-ups that should have fired and have not (scheduled, more than a few minutes past due)
   * and failed jobs on the follow-ups queue: `attention: true` when there are any. A warning, not
   * a 503: the API still serves and staff still need it to act on those very cases, and a load
   * balancer taking the API out of rotation would help nobody. A backend that is down is already
   * a 503 through the database and queue checks.
   */
  private async checkFollowUps() {
    const followUps = this.indicators.check('followUps');
    try {
      const [overdue, jobs] = await Promise.all([
        withTimeout(healthRepository.overdueFollowUps(this.dataSource, FOLLOW_UP_OVERDUE_MINUTES), 'overdue follow-ups'),
        withTimeout(this.followUpQueue.getJobCounts('waiting', 'active', 'delayed', 'failed'), 'follow-up queue'),
      ]);
      return followUps.up({
        attention: overdue.count > 0 || (jobs['failed'] ?? 0) > 0,
        overdue: overdue.count,
        overdueAfterMinutes: FOLLOW_UP_OVERDUE_MINUTES,
        oldestOverdueDueAt: overdue.oldestDueAt ? new Date(overdue.oldestDueAt).toISOString() : null,
        failedJobs: jobs['failed'] ?? 0,
        jobs,
      });
    } catch (error) {
      // The database or queue check above already reports the outage (503); this one cannot count.
      return followUps.up({ attention: null, message: error instanceof Error ? error.message : String(error) });
    }
  }

  /**
   * The newest links of the audit log's hash chain still verify, and their sealed payloads open to
   * the hash they were written with: `attention: true`, naming the audit rows, when one was
   * changed or removed after it was sealed. A warning, like follow-ups.
   */
  private async checkAuditChain() {
    const chain = this.indicators.check('auditChain');
    try {
      const report = await withTimeout(verifyAuditChain(this.dataSource, { last: AUDIT_CHAIN_HEALTH_LINKS, protection: this.protection }), 'audit chain');
      return chain.up({
        attention: report.breaks.length > 0,
        checkedLinks: report.checked,
        brokenAuditIds: report.breaks.slice(0, 20).map((problem) => problem.auditId),
        headPosition: report.head?.position ?? null,
      });
    } catch (error) {
      return chain.up({ attention: null, message: error instanceof Error ? error.message : String(error) });
    }
  }
}
