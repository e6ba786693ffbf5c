import { EntityManager } from 'typeorm';
import { StaffPrincipal } from '../auth/staff-principal';
import { caseLinkRepository } from '../case-links/case-link.repository';
import { openLinkReason } from '../case-links/case-link-reason';
import { caseRefFor } from '../case-links/case-ref-view';
import { DataProtection } from '../security/data-protection';

/** A case linked to the packet's case, as the packet names it. */
export interface LinkedCaseReference {
  reference: string;
  /** Why the cases were linked (the link's required reason). */
  reason: string;
}

/**
 * The packet's linked cases: the case's links (case-links), each only if the requester may open
 * the other case themselves (`caseRefFor`, the case-access policy), so a packet never carries the
 * reference of a case its maker could not open.
 */
export async function linkedCasesForPacket(
  manager: EntityManager,
  protection: DataProtection,
  caseId: string,
  viewer: StaffPrincipal,
): Promise<LinkedCaseReference[]> {
  const rows = await caseLinkRepository.linksOf(manager, caseId);
  return rows.flatMap((row) => {
    const ref = caseRefFor(viewer, {
      id: row.otherId,
      reference: row.otherReference,
      status: row.otherStatus,
      priority: row.otherPriority,
      assigneeId: row.otherAssigneeId,
    });
    return ref ? [{ reference: ref.reference, reason: openLinkReason(protection, row) }] : [];
  });
}
