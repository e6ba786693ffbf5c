import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { CaseEventsService } from '../events/case-events.service';
import { FollowUpScheduler } from './follow-up-scheduler.service';
import { followUpRepository } from './follow-up.repository';
import { errorMessage } from '@sg/domain';

/**
 * Plans a new case's follow-ups in the worker, so intake stays one fast statement. The intake's
 * `case.created` notification triggers it at once; the sweep plans any case whose notification
 * was missed (a worker that was down), so no case goes without its follow-ups.
 */
@Injectable()
export class NewCasePlanner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NewCasePlanner.name);
  private subscription: Subscription | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: FollowUpScheduler,
    private readonly events: CaseEventsService,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.events.changes$.subscribe((event) => {
      if (event.type !== 'case.created') return;
      this.plan(event.caseId).catch((error: Error) =>
        this.logger.warn(`Planning follow-ups for ${event.reference} failed (the sweep will retry): ${error.message}`),
      );
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  plan(caseId: string): Promise<void> {
    return this.scheduler.transaction(this.dataSource, (_manager, replan) => replan(caseId));
  }

  /**
   * Open cases with no follow-up rows at all were never planned: plan them. One case that cannot
   * be planned is logged and skipped (the next sweep tries it again), so it cannot stop the sweep
   * from recovering everyone else's follow-ups.
   */
  async planUnplanned(): Promise<number> {
    const cases = await followUpRepository.unplannedCases(this.dataSource);
    let planned = 0;
    for (const c of cases) {
      try {
        await this.plan(c.id);
        planned += 1;
      } catch (error) {
        this.logger.error(`Planning follow-ups for case ${c.id} failed (the next sweep retries): ${errorMessage(error)}`);
      }
    }
    return planned;
  }
}
