import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { HeartbeatJob, QUEUES, SYSTEM_JOBS } from '@sg/contracts';
import { Queue } from 'bullmq';
import { AUDIT_SEAL_EVERY_MS } from './seal-audit-chain';

/** Keeps the audit chain's sealing scheduled on the system queue (SystemProcessor runs it). Idempotent. */
@Injectable()
export class AuditSealScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QUEUES.system) private readonly systemQueue: Queue<HeartbeatJob>) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.systemQueue.upsertJobScheduler(
      SYSTEM_JOBS.sealAudit,
      { every: AUDIT_SEAL_EVERY_MS },
      { name: SYSTEM_JOBS.sealAudit, data: { requestedAt: new Date().toISOString() } },
    );
  }
}
