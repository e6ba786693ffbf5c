import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TakedownCreate, TakedownUpdate, TakedownView } from '@sg/contracts';
import { allowedTakedownTransitions, caseRecordChangeProblem, takedownTransitionProblem, found, isRecord } from '@sg/domain';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { StaffPrincipal } from '../auth/staff-principal';
import { assertMayWorkCase } from '../case-core/case-access-policy';
import { loadCaseState } from '../case-core/case-state';
import { notifyCaseChange } from '../case-core/case-notifier';
import { recordCaseChange } from '../case-core/record-case-change';
import { recordAudit } from '../audit/record-audit';
import { CaseFollowUps } from '../case-core/case-follow-ups';
import { syncCaseIdentifiers } from '../identifiers/case-identifiers';
import { ONE_REQUEST_PER_TARGET, TakedownChange, TakedownListRow, takedownRepository } from './takedown.repository';

/** An instant as ISO text; a column that cannot be null gives text, never null. */
function iso(value: Date): string;
function iso(value: Date | null): string | null;
function iso(value: Date | null): string | null {
  return value ? new Date(value).toISOString() : null;
}

function isDuplicateTarget(error: unknown): boolean {
  const driverError: unknown = error instanceof QueryFailedError ? error.driverError : undefined;
  return isRecord(driverError) && driverError['code'] === '23505' && driverError['constraint'] === ONE_REQUEST_PER_TARGET;
}

function assertMayChange(status: Parameters<typeof caseRecordChangeProblem>[0], change: 'add' | 'update'): void {
  const problem = caseRecordChangeProblem(status, change, 'takedown request');
  if (problem) throw new ConflictException(problem);
}

/**
 * Takedown requests: one per URL or account per platform. Each lifecycle move is checked, stamped,
 * put on the timeline and the audit log, and replans the case's follow-ups (a submitted request
 * gets its chase and escalation; a removed one cancels them and schedules the re-checks).
 */
@Injectable()
export class TakedownsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly followUps: CaseFollowUps,
  ) {}

  async list(staff: StaffPrincipal, caseId: string): Promise<TakedownView[]> {
    const state = await loadCaseState(this.dataSource.manager, caseId, false);
    assertMayWorkCase(staff, state.assigneeId);
    // Every read of a case's parts is logged, like the case itself: one row per request.
    await recordAudit(this.dataSource.manager, { actorId: staff.id, action: 'takedowns.read', caseId });
    return (await takedownRepository.listForCase(this.dataSource.manager, caseId)).map(toView);
  }

  async create(staff: StaffPrincipal, caseId: string, input: TakedownCreate): Promise<TakedownView> {
    return this.followUps.transaction(this.dataSource, async (manager, replan) => {
      const state = await loadCaseState(manager, caseId, true);
      assertMayWorkCase(staff, state.assigneeId);
      assertMayChange(state.status, 'add');
      const takedownId = await takedownRepository
        .insert(manager, {
          caseId,
          platform: input.platform,
          url: input.url ?? null,
          account: input.account ?? null,
          channel: input.channel,
          ticketNumber: input.ticketNumber ?? null,
          createdBy: staff.id,
        })
        .catch((error: unknown) => {
          if (!isDuplicateTarget(error)) throw error;
          const target = input.url ? 'that URL' : 'that account';
          throw new ConflictException(
            `This case already has a takedown request for ${target} on ${input.platform.trim()}: update that request instead of adding another.`,
          );
        });
      await recordCaseChange(
        manager,
        staff,
        caseId,
        { kind: 'takedown_added', data: { takedownId, platform: input.platform, channel: input.channel } },
        { action: 'takedown.created', after: { takedownId, ...input } },
      );
      await syncCaseIdentifiers(manager, caseId);
      await replan(caseId);
      await notifyCaseChange(manager, 'case.updated', { ...state, id: caseId });
      return this.view(manager, takedownId);
    });
  }

  async update(staff: StaffPrincipal, takedownId: string, change: TakedownUpdate): Promise<TakedownView> {
    return this.followUps.transaction(this.dataSource, async (manager, replan) => {
      const current = await takedownRepository.lock(manager, takedownId);
      if (!current) throw new NotFoundException('No takedown request with that id');
      const state = await loadCaseState(manager, current.case_id, true);
      assertMayWorkCase(staff, state.assigneeId);
      assertMayChange(state.status, 'update');
      const update: TakedownChange = {};
      if (change.status !== undefined && change.status !== current.status) {
        const problem = takedownTransitionProblem(current.status, change.status);
        if (problem) throw new ConflictException(problem);
        update.status = change.status;
      }
      if (change.ticketNumber !== undefined) update.ticketNumber = change.ticketNumber;
      if (update.status !== undefined || update.ticketNumber !== undefined) {
        await takedownRepository.update(manager, takedownId, update);
        await recordCaseChange(
          manager,
          staff,
          current.case_id,
          {
            kind: change.status && change.status !== current.status ? 'takedown_status_changed' : 'takedown_updated',
            data: { takedownId, platform: current.platform, from: current.status, to: change.status ?? current.status },
          },
          {
            action: 'takedown.updated',
            before: { status: current.status, ticketNumber: current.ticket_number },
            after: { status: change.status ?? current.status, ticketNumber: change.ticketNumber !== undefined ? change.ticketNumber : current.ticket_number },
          },
        );
        // Content that came back after removal is a new request to make.
        if (change.status === 'reappeared') {
          const reopenedId = await takedownRepository.insertReopened(manager, current, staff.id);
          await recordCaseChange(
            manager,
            staff,
            current.case_id,
            { kind: 'takedown_added', data: { takedownId: reopenedId, platform: current.platform, channel: current.channel, reopenedFrom: takedownId } },
            { action: 'takedown.created', after: { takedownId: reopenedId, previousRequestId: takedownId } },
          );
        }
        await replan(current.case_id);
        await notifyCaseChange(manager, 'case.updated', { ...state, id: current.case_id });
      }
      return this.view(manager, takedownId);
    });
  }

  /** One request as it is shown; it exists (the caller created or changed it in this transaction). */
  private async view(manager: EntityManager, takedownId: string): Promise<TakedownView> {
    return toView(found(await takedownRepository.listed(manager, takedownId), `takedown request ${takedownId}`));
  }
}

function toView(t: TakedownListRow): TakedownView {
  return {
    id: t.id,
    caseId: t.case_id,
    platform: t.platform,
    url: t.url,
    account: t.account,
    channel: t.channel,
    status: t.status,
    allowedTransitions: [...allowedTakedownTransitions(t.status)],
    ticketNumber: t.ticket_number,
    submittedAt: iso(t.submitted_at),
    acknowledgedAt: iso(t.acknowledged_at),
    removedAt: iso(t.removed_at),
    rejectedAt: iso(t.rejected_at),
    escalatedAt: iso(t.escalated_at),
    reappearedAt: iso(t.reappeared_at),
    previousRequestId: t.previous_request_id,
    createdAt: iso(t.created_at),
    createdBy: t.created_by ? { id: t.created_by, displayName: t.created_by_name ?? '' } : null,
  };
}
