import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ReferralRecipient } from '@sg/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { staffUserRepository } from '../accounts/staff-user.repository';
import { recordAudit } from '../audit/record-audit';
import { StaffPrincipal } from '../auth/staff-principal';
import { assertMayOpenCase, seesEverything } from '../case-core/case-access-policy';
import { loadCaseState } from '../case-core/case-state';
import { caseRecordRepository } from '../cases/case-record.repository';
import { supportCaseRepository } from '../case-core/support-case.repository';
import { summariseEvent } from '../cases/timeline-summary';
import { caseIdentifierRepository } from '../identifiers/case-identifier.repository';
import { identifierSealContext } from '../identifiers/case-identifiers';
import { organisationHoursRepository } from '../organisation/organisation-hours.repository';
import { reportRepository } from '../reports/report.repository';
import { DataProtection } from '../security/data-protection';
import { takedownRepository } from '../takedowns/takedown.repository';
import { openFreeText, openTimelineData } from '../cases/case-free-text';
import { SEAL_CONTEXT } from '../security/seal-contexts';
import { linkedCasesForPacket } from './linked-cases';
import { PacketContent } from './packet-content';
import { referralPacketRepository } from './referral-packet.repository';

/** What the person's sealed contact details hold (as intake seals them). */
interface SealedContact {
  channel: string;
  value?: string;
  safeTimes?: string;
  canMentionOrganisation: boolean;
}

/**
 * Gathers a referral packet: who may have it is the case page's rule (`assertMayOpenCase`), and
 * contact details need the reveal's rule too (the holder or a supervisor) plus the person's
 * consent. Everything is read in one transaction that also writes the audit row (who, which
 * case, for whom, whether contact details went in; never the content), so a packet that could
 * not be read is never audited as generated, and one that was read always is.
 */
@Injectable()
export class ReferralPacketService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly protection: DataProtection,
  ) {}

  prepare(staff: StaffPrincipal, caseId: string, recipient: ReferralRecipient, includeContact: boolean): Promise<PacketContent> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const state = await loadCaseState(manager, caseId, false);
      await assertMayOpenCase(manager, staff, state.assigneeId);
      const contact = includeContact ? await this.openContact(manager, staff, caseId, state.assigneeId) : null;
      const content = await this.caseContent(manager, staff, caseId, recipient, contact);
      await recordAudit(manager, { actorId: staff.id, action: 'case.referral_packet', caseId, after: { recipient, contactIncluded: contact !== null } });
      return content;
    });
  }

  private async openContact(manager: EntityManager, staff: StaffPrincipal, caseId: string, assigneeId: string | null): Promise<PacketContent['contact']> {
    // The same rule as revealing them on the case page: only someone working the case, or a supervisor.
    if (!seesEverything(staff) && assigneeId !== staff.id) throw new ForbiddenException('Claim the case before putting contact details in a packet');
    const row = await supportCaseRepository.contact(manager, caseId);
    if (!row?.consent_contact) throw new ConflictException('The person did not agree to be contacted, so their contact details cannot go in a packet.');
    if (!row.contact_sealed) throw new ConflictException('The person left no contact details.');
    const sealed = this.protection.open<SealedContact>(row.contact_sealed, caseId);
    return {
      channel: row.contact_channel,
      value: sealed.value ?? null,
      safeTimes: sealed.safeTimes ?? null,
      canMentionOrganisation: sealed.canMentionOrganisation,
    };
  }

  /**
   * One case's packet content, in the caller's transaction; the caller has checked that `staff` may
   * open the case, and decided about contact details (a cluster's packet passes null).
   */
  async caseContent(
    manager: EntityManager,
    staff: StaffPrincipal,
    caseId: string,
    recipient: ReferralRecipient,
    contact: PacketContent['contact'],
  ): Promise<PacketContent> {
    const row = await supportCaseRepository.detail(manager, caseId);
    if (!row) throw new NotFoundException('No case with that id');
    const platforms = await caseRecordRepository.platforms(manager, caseId);
    const urls = await caseRecordRepository.contentUrls(manager, caseId);
    const evidence = await caseRecordRepository.evidence(manager, caseId);
    const timeline = await referralPacketRepository.timeline(manager, caseId);
    const identifiers = await this.identifiers(manager, caseId);
    const takedowns = await takedownRepository.listForCase(manager, caseId);
    const reports = await reportRepository.listForCase(manager, caseId);
    const linkedCases = await linkedCasesForPacket(manager, this.protection, caseId, staff);
    return {
      ...(await this.frame(manager, staff, recipient)),
      case: { reference: row.reference, status: row.status, priority: row.priority, createdAt: row.created_at },
      facts: {
        submittedBy: row.submitted_by,
        channel: row.channel,
        ageBand: row.age_band,
        contentMadeUnder18: row.content_made_under_18,
        country: row.country,
        selfHarm: row.self_harm,
        immediateDanger: row.immediate_danger,
        deadlineAt: row.deadline_at,
        demands: row.demands,
        contentPosted: row.content_posted,
        stillInContact: row.still_in_contact,
        paid: row.paid,
        narrative: recipient === 'platform' ? null : openFreeText(this.protection, row.narrative_sealed, SEAL_CONTEXT.narrative(row.id), row.narrative),
        platforms: platforms.map((p) => ({ platform: p.platform, offenderHandle: p.offender_handle, profileUrl: p.profile_url })),
        contentUrls: urls.map((u) => u.url),
      },
      timeline: timeline.rows.map((e) => ({
        at: e.at,
        summary: summariseEvent(
          e.kind,
          openTimelineData(this.protection, caseId, e.data, e.sealed),
          e.actor_name ?? (e.actor_kind === 'system' ? 'The system' : null),
        ),
      })),
      timelineOmitted: timeline.total - timeline.rows.length,
      identifiers,
      evidence: [...evidence].reverse().map((e) => ({
        kind: e.kind,
        platform: e.platform,
        offenderHandle: e.offender_handle,
        profileUrl: e.profile_url,
        description: openFreeText(this.protection, e.description_sealed, SEAL_CONTEXT.evidence(e.id), e.description) ?? '',
        paymentReference: e.payment_reference,
        seenAt: e.seen_at,
        sha256: e.sha256,
        fileName: e.file_name,
        addedAt: e.added_at,
        addedBy: e.added_by_name,
      })),
      takedowns: takedowns.map((t) => ({
        platform: t.platform,
        target: t.url ?? t.account ?? '',
        channel: t.channel,
        status: t.status,
        ticketNumber: t.ticket_number,
        submittedAt: t.submitted_at,
        removedAt: t.removed_at,
      })),
      reports: reports.map((r) => ({
        agencyKind: r.agency_kind,
        agencyName: r.agency_name,
        status: r.status,
        referenceNumber: r.reference_number,
        filedAt: r.filed_at,
      })),
      linkedCases,
      contact,
    };
  }

  /** What every page of a packet says about its making: for whom, by whom, when, in which language and time zone. */
  async frame(
    manager: EntityManager,
    staff: StaffPrincipal,
    recipient: ReferralRecipient,
  ): Promise<Pick<PacketContent, 'recipient' | 'language' | 'timeZone' | 'generatedAt' | 'generatedBy'>> {
    const language = (await staffUserRepository.language(manager, staff.id)) ?? 'en';
    const hours = await organisationHoursRepository.findForStaff(manager, staff.id);
    return { recipient, language, timeZone: hours?.timeZone ?? 'UTC', generatedAt: new Date(), generatedBy: staff.displayName };
  }

  /** The case's identifiers with secrets opened (the index holds only their keyed hash). */
  private async identifiers(manager: EntityManager, caseId: string): Promise<PacketContent['identifiers']> {
    const held = await caseIdentifierRepository.forCase(manager, caseId);
    const sealed = await referralPacketRepository.sealedIdentifiers(manager, caseId);
    const opened = new Map(sealed.map((s) => [`${s.kind}\u0000${s.value}`, this.protection.open<string>(s.value_sealed, identifierSealContext(caseId))]));
    return held.map((i) => ({ kind: i.kind, value: i.secret ? (opened.get(`${i.kind}\u0000${i.value}`) ?? i.value) : i.value }));
  }
}
