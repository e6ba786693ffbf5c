import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseLinks } from '@sg/contracts';
import { TimelineEvent } from '@sg/domain';
import { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { StaffPrincipal } from '../auth/staff-principal';
import { notifyCaseChange } from '../case-core/case-notifier';
import { caseEventRepository } from '../case-core/case-event.repository';
import { sealTimelineEvent } from '../cases/case-free-text';
import { supportCaseRepository } from '../case-core/support-case.repository';
import { FollowUpScheduler } from '../follow-ups/follow-up-scheduler.service';
import { identifierSealContext, syncCaseIdentifiers } from '../identifiers/case-identifiers';
import { DataProtection } from '../security/data-protection';
import { caseLinkRepository, MovedCounts } from './case-link.repository';
import { CaseLinksService, NO_CASE_YOU_MAY_OPEN } from './case-links.service';

const total = (moved: MovedCounts) => Object.values(moved).reduce((sum, n) => sum + n, 0);

/**
 * Merging a duplicate intake into its original (supervisors), and undoing it. In one transaction
 * each, with both case rows held in id order (lockInOrder), so two merges of the same pair from
 * either end wait for each other instead of deadlocking. The records move with their origin kept;
 * the identifier index and the follow-ups of both cases are brought in step before the commit.
 */
@Injectable()
export class CaseMergeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly followUps: FollowUpScheduler,
    private readonly protection: DataProtection,
    private readonly links: CaseLinksService,
  ) {}

  /** Merges case `duplicateId` into the case with `reference`. */
  async merge(staff: StaffPrincipal, duplicateId: string, reference: string, reason: string): Promise<CaseLinks> {
    await this.followUps.transaction(this.dataSource, async (manager, replan) => {
      const originalId = await caseLinkRepository.idByReference(manager, reference);
      const held = await caseLinkRepository.lockInOrder(manager, originalId ? [duplicateId, originalId] : [duplicateId]);
      const duplicate = held.get(duplicateId);
      if (!duplicate) throw new NotFoundException('No such case');
      const original = originalId ? held.get(originalId) : undefined;
      if (!original) throw new NotFoundException(NO_CASE_YOU_MAY_OPEN);
      if (original.id === duplicate.id) throw new BadRequestException('A case cannot be merged into itself');
      if (duplicate.mergedInto) throw new ConflictException('This case is already merged into another case');
      if (original.mergedInto) throw new ConflictException('That case is itself a merged duplicate: merge into the case it was merged into');
      // One level only, so an unmerge always knows where every record goes back to.
      if (duplicate.mergedFrom > 0) throw new ConflictException('Other cases are merged into this one: undo those merges first');

      const moved = await caseLinkRepository.moveRecords(manager, duplicate.id, original.id);
      await this.reseal(manager, original.id, duplicate.id, duplicate.id, original.id);
      await caseLinkRepository.markMerged(manager, duplicate.id, original.id);
      await syncCaseIdentifiers(manager, duplicate.id);
      await syncCaseIdentifiers(manager, original.id);
      await caseLinkRepository.touch(manager, original.id);

      const count = total(moved);
      await this.timeline(manager, duplicate.id, staff, { kind: 'case_merged_into', data: { reason } });
      await this.timeline(manager, original.id, staff, { kind: 'duplicate_merged', data: { reason, moved: count } });
      await recordAudit(
        manager,
        {
          actorId: staff.id,
          action: 'case.merged_into',
          caseId: duplicate.id,
          before: { status: duplicate.status },
          after: { originalId: original.id, reason, moved },
        },
        this.protection,
      );
      await recordAudit(
        manager,
        { actorId: staff.id, action: 'case.duplicate_merged', caseId: original.id, after: { duplicateId: duplicate.id, reason, moved } },
        this.protection,
      );
      await replan(original.id);
      await replan(duplicate.id);
      await this.announce(manager, [duplicate.id, original.id]);
    });
    return this.links.links(staff, duplicateId);
  }

  /** Undoes the merge of `duplicateId`: exactly the records that came from it move back, and it is its own case again. */
  async unmerge(staff: StaffPrincipal, duplicateId: string, reason: string): Promise<CaseLinks> {
    await this.followUps.transaction(this.dataSource, async (manager, replan) => {
      const into = (await caseLinkRepository.caseRow(manager, duplicateId))?.mergedInto;
      const held = await caseLinkRepository.lockInOrder(manager, into ? [duplicateId, into] : [duplicateId]);
      const duplicate = held.get(duplicateId);
      if (!duplicate) throw new NotFoundException('No such case');
      // Read again under the lock: a concurrent unmerge may have won.
      if (!duplicate.mergedInto || duplicate.mergedInto !== into) throw new ConflictException('This case is not merged into another case');
      const originalId = duplicate.mergedInto;

      await this.reseal(manager, originalId, duplicate.id, originalId, duplicate.id);
      const moved = await caseLinkRepository.moveRecordsBack(manager, duplicate.id, originalId);
      await caseLinkRepository.clearMerged(manager, duplicate.id);
      await syncCaseIdentifiers(manager, duplicate.id);
      await syncCaseIdentifiers(manager, originalId);
      await caseLinkRepository.touch(manager, originalId);

      const count = total(moved);
      await this.timeline(manager, duplicate.id, staff, { kind: 'case_unmerged', data: { reason } });
      await this.timeline(manager, originalId, staff, { kind: 'duplicate_unmerged', data: { reason, moved: count } });
      await recordAudit(
        manager,
        { actorId: staff.id, action: 'case.unmerged', caseId: duplicate.id, before: { originalId }, after: { status: duplicate.mergedStatus, reason, moved } },
        this.protection,
      );
      await recordAudit(
        manager,
        { actorId: staff.id, action: 'case.duplicate_unmerged', caseId: originalId, after: { duplicateId: duplicate.id, reason, moved } },
        this.protection,
      );
      await replan(originalId);
      await replan(duplicate.id);
      await this.announce(manager, [duplicate.id, originalId]);
    });
    return this.links.links(staff, duplicateId);
  }

  /**
   * A secret identifier's text is sealed to its case (identifierSealContext): the ones entered with
   * the duplicate's evidence, lying on `onCaseId`, are opened as `fromCaseId`'s and sealed as `toCaseId`'s.
   */
  private async reseal(manager: EntityManager, onCaseId: string, duplicateId: string, fromCaseId: string, toCaseId: string): Promise<void> {
    for (const row of await caseLinkRepository.sealedIdentifiersFrom(manager, onCaseId, duplicateId)) {
      const value = this.protection.open<string>(row.valueSealed, identifierSealContext(fromCaseId));
      await caseLinkRepository.reseal(manager, row.id, this.protection.seal(value, identifierSealContext(toCaseId)));
    }
  }

  /** A merge's timeline entry: its reason sealed into `case_event.sealed`, never left in `data`. */
  private async timeline(manager: EntityManager, caseId: string, staff: StaffPrincipal, event: TimelineEvent): Promise<void> {
    await caseEventRepository.insert(manager, { caseId, actorKind: 'staff', actorId: staff.id, ...sealTimelineEvent(this.protection, caseId, event) });
  }

  private async announce(manager: EntityManager, caseIds: string[]): Promise<void> {
    for (const id of caseIds) {
      const state = await supportCaseRepository.state(manager, id, false);
      if (state) await notifyCaseChange(manager, 'case.updated', state);
    }
  }
}
