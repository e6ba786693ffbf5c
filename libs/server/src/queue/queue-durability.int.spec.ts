import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { HeartbeatJob, QUEUES, SYSTEM_JOBS } from '@sg/contracts';
import { Job, Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { AppConfigModule } from '../config/config.module';
import { workerConfig } from '../config/worker-config';
import { DatabaseModule } from '../database/database.module';
import { AppLoggerModule } from '../http/logger.module';
import { SystemWorkerModule } from '../system/system-worker.module';
import { WORKER_ID } from '../system/worker-identity';
import { createTestDatabase, QUEUE_BACKENDS_UNDER_TEST, redisAvailable, TestDatabase, testConfig } from '../testing';
import { DEFAULT_JOB_OPTIONS } from './queue.module';
import { queueConnection } from './queue-connection';

/** The same composition and configuration as apps/worker's: processors only, no HTTP. */
@Module({})
class WorkerTestModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerTestModule,
      imports: [AppConfigModule.forRoot(workerConfig(config)), AppLoggerModule, DatabaseModule, SystemWorkerModule],
    };
  }
}

async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Resolves once the job has completed, or failed for the last time (no retry left). */
async function settled(queue: Queue, id: string): Promise<Job> {
  return eventually(async () => {
    const job = await queue.getJob(id);
    return job?.finishedOn ? job : undefined;
  }, `job ${id} to finish`);
}

if (!process.env['REDIS_URL']) console.info('Redis queue durability tests skipped: set REDIS_URL to a reachable Redis to run them');

describe.each(QUEUE_BACKENDS_UNDER_TEST)('queue durability on $backend', ({ backend, enabled }) => {
  if (!enabled) {
    it.skip('needs REDIS_URL pointing at a reachable Redis', () => undefined);
    return;
  }

  let db: TestDatabase;
  let config: AppConfig;
  let queue: Queue<HeartbeatJob>;
  let worker: INestApplicationContext | undefined;

  async function startWorker(): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- Nest types its options bag as a class; NestFactory reads a plain object's fields.
    worker ??= await NestFactory.createApplicationContext(WorkerTestModule.forRoot(config), { logger: false });
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    const redisUrl = backend === 'redis' ? await redisAvailable() : undefined;
    if (backend === 'redis' && !redisUrl) throw new Error(`REDIS_URL=${process.env['REDIS_URL']} stopped answering`);
    config = testConfig(db.url, { redisUrl });
    expect(config.queueBackend).toBe(backend);
    // Enqueues the way the API does: same connection, prefix and default job options.
    const { connection, prefix } = queueConnection(config);
    queue = new Queue<HeartbeatJob>(QUEUES.system, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  });

  afterAll(async () => {
    await worker?.close();
    // Redis is shared with other runs: leave nothing behind under this run's prefix.
    if (backend === 'redis') await queue?.obliterate({ force: true });
    await queue?.close();
    await db?.drop();
  });

  it('keeps a job enqueued while no worker runs, and a worker started later processes it', async () => {
    const job = await queue.add(SYSTEM_JOBS.heartbeat, { requestedAt: new Date().toISOString() });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await job.getState()).toBe('waiting');

    await startWorker();
    const done = await settled(queue, job.id ?? '');

    expect(await done.getState()).toBe('completed');
    expect(done.returnvalue).toEqual({ workerId: WORKER_ID });
    const rows: { jobs_processed: string }[] = await db.dataSource.query('SELECT jobs_processed FROM worker_heartbeat WHERE worker_id = $1', [WORKER_ID]);
    expect(Number(rows[0]?.jobs_processed)).toBeGreaterThanOrEqual(1);
  });

  it('retries a job whose processor throws and keeps it in the failed set', async () => {
    await startWorker();
    // The system processor refuses job names it has no handler for.
    const job = await queue.add(
      'no-such-job',
      { requestedAt: new Date().toISOString() },
      {
        attempts: 3,
        backoff: { type: 'fixed', delay: 50 },
      },
    );

    const failed = await settled(queue, job.id ?? '');

    expect(await failed.getState()).toBe('failed');
    expect(failed.attemptsMade).toBe(3);
    expect(failed.failedReason).toMatch(/No handler for job "no-such-job"/);
    expect((await queue.getFailed()).map((j) => j.id)).toContain(job.id);
  });
});
