import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit, prepareDatabase, workerConfig } from '@sg/server';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/** Runs the BullMQ processors. Start as many as you like; each takes jobs from the shared queues. */
async function main(): Promise<void> {
  const config = workerConfig(loadConfigOrExit('worker'));
  await prepareDatabase(config, { seed: false });
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- Nest types its options bag as a class; NestFactory reads a plain object's fields.
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // SIGTERM/SIGINT close the workers gracefully: active jobs finish or return to the queue.
  app.enableShutdownHooks();
  app.get(Logger).log(`Worker started (queue backend: ${config.queueBackend})`);
}

main().catch((error) => {
  console.error('worker failed to start:', error);
  process.exit(1);
});
