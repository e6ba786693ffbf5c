import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseLinks } from '@sg/contracts';

import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { StaffPrincipal } from '../auth/staff-principal';
import { assertMayOpenCase, assertMayWorkCase, mayWorkCase } from '../case-core/case-access-policy';
import { caseEventRepository } from '../case-core/case-event.repository';
import { sealTimelineEvent } from '../cases/case-free-text';
import { DataProtection } from '../security/data-protection';
import { SEAL_CONTEXT } from '../security/seal-contexts';
import { caseLinkRepository, LinkableCaseRow } from './case-link.repository';
import { openLinkReason } from './case-link-reason';
import { caseRefFor } from './case-ref-view';

/** Said for a reference that does not exist and for one the caller may not open alike: a caseworker learns nothing. */
export const NO_CASE_YOU_MAY_OPEN = 'No case with that reference that you may open';

/**
 * Links between cases: any member of staff who may work a case links it to another they may open
 * (reason required), and anyone who may work either end removes a link. Both are audited and on
 * both cases' timelines; the other case is named only to readers who may open it.
 */
@Injectable()
export class CaseLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly protection: DataProtection,
  ) {}

  /** The case's links and merges as this reader may see them (audited: a read of the case). */
  async links(staff: StaffPrincipal, caseId: string): Promise<CaseLinks> {
    return this.dataSource.transaction(async (manager) => {
      const row = await caseLinkRepository.caseRow(manager, caseId);
      if (!row) throw new NotFoundException('No such case');
      await assertMayOpenCase(manager, staff, row.assigneeId);
      const view = await this.view(manager, staff, caseId);
      await recordAudit(manager, { actorId: staff.id, action: 'case.links_read', caseId, after: { links: view.links.length, hiddenLinks: view.hiddenLinks } });
      return view;
    });
  }

  async link(staff: StaffPrincipal, caseId: string, reference: string, reason: string): Promise<CaseLinks> {
    return this.dataSource.transaction(async (manager) => {
      const otherId = await caseLinkRepository.idByReference(manager, reference);
      const held = await caseLinkRepository.lockInOrder(manager, otherId ? [caseId, otherId] : [caseId]);
      const own = held.get(caseId);
      if (!own) throw new NotFoundException('No such case');
      assertMayWorkCase(staff, own.assigneeId);
      const other = otherId ? held.get(otherId) : undefined;
      if (!other || !mayWorkCase(staff, other.assigneeId)) throw new NotFoundException(NO_CASE_YOU_MAY_OPEN);
      if (other.id === own.id) throw new BadRequestException('A case cannot be linked to itself');
      this.refuseMerged(own, other);
      const newId = randomUUID();
      const linkId = await caseLinkRepository.insertLink(manager, newId, own.id, other.id, this.protection.seal(reason, SEAL_CONTEXT.link(newId)), staff.id);
      if (!linkId) throw new ConflictException('These cases are linked already');
      for (const id of [own.id, other.id]) {
        // The reason is sealed into the entry (case_event.sealed), never left in its data.
        await caseEventRepository.insert(manager, {
          caseId: id,
          actorKind: 'staff',
          actorId: staff.id,
          ...sealTimelineEvent(this.protection, id, { kind: 'case_linked', data: { linkId, reason } }),
        });
        await caseLinkRepository.touch(manager, id);
      }
      await recordAudit(
        manager,
        { actorId: staff.id, action: 'case.linked', caseId: own.id, after: { linkId, otherCaseId: other.id, reason } },
        this.protection,
      );
      await recordAudit(
        manager,
        { actorId: staff.id, action: 'case.linked', caseId: other.id, after: { linkId, otherCaseId: own.id, reason } },
        this.protection,
      );
      return this.view(manager, staff, caseId);
    });
  }

  /** Always possible for whoever may work either end of the link. */
  async unlink(staff: StaffPrincipal, caseId: string, linkId: string): Promise<CaseLinks> {
    return this.dataSource.transaction(async (manager) => {
      const pair = await caseLinkRepository.linkOf(manager, caseId, linkId);
      if (!pair) throw new NotFoundException('No such link on this case');
      const held = await caseLinkRepository.lockInOrder(manager, [pair.lowCaseId, pair.highCaseId]);
      const own = held.get(caseId);
      if (!own) throw new NotFoundException('No such case');
      assertMayWorkCase(staff, own.assigneeId);
      const removed = await caseLinkRepository.deleteLink(manager, caseId, linkId);
      if (!removed) throw new NotFoundException('No such link on this case');
      // The audit log keeps the reason (append-only; the purge nulls it).
      const reason = openLinkReason(this.protection, removed);
      for (const id of [removed.lowCaseId, removed.highCaseId]) {
        await caseEventRepository.insert(manager, { caseId: id, actorKind: 'staff', actorId: staff.id, event: { kind: 'case_unlinked', data: { linkId } } });
        await caseLinkRepository.touch(manager, id);
        const otherCaseId = id === removed.lowCaseId ? removed.highCaseId : removed.lowCaseId;
        await recordAudit(manager, { actorId: staff.id, action: 'case.unlinked', caseId: id, before: { linkId, otherCaseId, reason } }, this.protection);
      }
      return this.view(manager, staff, caseId);
    });
  }

  private refuseMerged(...cases: LinkableCaseRow[]): void {
    if (cases.some((c) => c.mergedInto)) throw new ConflictException('A merged duplicate cannot be linked: link the case it was merged into');
  }

  private async view(manager: EntityManager, staff: StaffPrincipal, caseId: string): Promise<CaseLinks> {
    const rows = await caseLinkRepository.linksOf(manager, caseId);
    const links: CaseLinks['links'] = [];
    let hiddenLinks = 0;
    for (const row of rows) {
      const ref = caseRefFor(staff, {
        id: row.otherId,
        reference: row.otherReference,
        status: row.otherStatus,
        priority: row.otherPriority,
        assigneeId: row.otherAssigneeId,
      });
      if (!ref) {
        hiddenLinks++;
        continue;
      }
      links.push({
        id: row.id,
        linkedAt: new Date(row.linkedAt).toISOString(),
        case: ref,
        reason: openLinkReason(this.protection, row),
        linkedBy: row.linkedBy,
      });
    }
    const into = await caseLinkRepository.mergedInto(manager, caseId);
    const merged = (await caseLinkRepository.mergedFrom(manager, caseId)).flatMap((row) => {
      const ref = caseRefFor(staff, row);
      return ref ? [{ mergedAt: new Date(row.mergedAt).toISOString(), case: ref }] : [];
    });
    return {
      links,
      hiddenLinks,
      mergedInto: into ? { mergedAt: new Date(into.mergedAt).toISOString(), case: caseRefFor(staff, into) } : null,
      merged,
    };
  }
}
