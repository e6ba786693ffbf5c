import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configureHttpApp, loadConfigOrExit, mountQueueBoard, prepareDatabase, rotateStatusCommand, verifyAuditCommand } from '@sg/server';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';
import { isApiProcessOfCluster, outlastASecondStopSignal, runApiProcesses } from './api-processes';

/**
 * `node main.js`          migrate, seed the demo organisation (outside production), serve HTTP
 *                         (API_PROCESSES > 1: this process migrates and seeds, then runs that many
 *                         API processes on the port and serves nothing itself; see api-processes.ts).
 * `node main.js migrate`  apply pending migrations and exit (for deploy pipelines).
 * `node main.js audit-verify`  check the audit log's hash chain; exit 1 when it is broken.
 * `node main.js keys-rotate-status`  rows still under an old data or access-code key; exit 2 while any remain.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit('api');
  const command = process.argv[2];
  if (command === 'migrate') {
    await prepareDatabase({ ...config, runMigrations: true }, { seed: false });
    return;
  }
  if (command === 'audit-verify') {
    process.exitCode = await verifyAuditCommand(config);
    return;
  }
  if (command === 'keys-rotate-status') {
    process.exitCode = await rotateStatusCommand(config);
    return;
  }
  const inCluster = isApiProcessOfCluster();
  // Once per start: the cluster's processes find the database ready (and would only queue on the migration lock).
  if (!inCluster) await prepareDatabase(config, { seed: true });
  if (!inCluster && config.apiProcesses > 1) {
    runApiProcesses(config.apiProcesses);
    return;
  }
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- Nest types its options bag as a class; NestFactory reads a plain object's fields.
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  configureHttpApp(app);
  mountQueueBoard(app);
  if (config.apiHost) await app.listen(config.apiPort, config.apiHost);
  else await app.listen(config.apiPort);
  if (inCluster) outlastASecondStopSignal();
  app.get(Logger).log(`API listening on http://localhost:${config.apiPort}/api (queue backend: ${config.queueBackend})`);
}

main().catch((error) => {
  console.error('api failed to start:', error);
  process.exit(1);
});
