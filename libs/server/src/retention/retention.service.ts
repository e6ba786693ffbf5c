import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseDeletionStatus, CaseRetentionState, RetentionSettings } from '@sg/contracts';
import { TimelineEvent } from '@sg/domain';
import { DataSource, EntityManager } from 'typeorm';
import { organisationRepository } from '../organisation/organisation.repository';
import { recordAudit } from '../audit/record-audit';
import { StaffPrincipal } from '../auth/staff-principal';
import { assertMayOpenCase } from '../case-core/case-access-policy';
import { caseEventRepository } from '../case-core/case-event.repository';
import { supportCaseRepository } from '../case-core/support-case.repository';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { CASE_NOT_FOUND } from '../conversation/person-session.service';
import { openFreeText, sealTimelineEvent } from '../cases/case-free-text';
import { DataProtection } from '../security/data-protection';
import { SEAL_CONTEXT } from '../security/seal-contexts';
import { DeletionRequestRow, RetentionCaseRow, retentionRepository, RetentionSettingsRow } from './retention.repository';
import { caseByAccessCode } from '../cases/case-by-access-code';

/** Told to the person when their case is on legal hold: that it cannot be deleted now, nothing more. */
export const DELETION_REFUSED_ON_HOLD = 'Your case cannot be deleted right now. You can still write to us if you have questions.';

const iso = (at: Date | null): string | null => (at ? new Date(at).toISOString() : null);

/**
 * Retention with legal hold: the organisation's retention period (admins), legal holds
 * (supervisors), and the person's own request to delete their case (reference and code). The
 * purge itself is the worker's (case-purge.ts).
 */
@Injectable()
export class RetentionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly protection: DataProtection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async settings(staff: StaffPrincipal): Promise<RetentionSettings> {
    const row = await retentionRepository.settingsForStaff(this.dataSource.manager, staff.id);
    if (!row) throw new NotFoundException('Your account is not part of an organisation');
    return this.settingsView(row);
  }

  async saveSettings(staff: StaffPrincipal, closedCaseDays: number | null): Promise<RetentionSettings> {
    return this.dataSource.transaction(async (manager) => {
      const organisationId = await organisationRepository.lockOrganisationOf(manager, staff.id);
      if (!organisationId) throw new NotFoundException('Your account is not part of an organisation');
      const before = await retentionRepository.settingsForStaff(manager, staff.id);
      const saved = await retentionRepository.saveSettings(manager, organisationId, closedCaseDays, staff.id);
      await recordAudit(manager, {
        actorId: staff.id,
        action: 'organisation.retention_changed',
        target: { kind: 'organisation', id: organisationId },
        before: { closedCaseDays: before?.closedCaseDays ?? null },
        after: { closedCaseDays },
      });
      return this.settingsView(saved);
    });
  }

  /** The case's hold and the person's pending deletion request, for the case page. */
  async caseState(staff: StaffPrincipal, caseId: string): Promise<CaseRetentionState> {
    const manager = this.dataSource.manager;
    const state = await supportCaseRepository.state(manager, caseId, false);
    if (!state) throw new NotFoundException('Case not found');
    await assertMayOpenCase(manager, staff, state.assigneeId);
    return this.caseView(manager, caseId);
  }

  async placeHold(staff: StaffPrincipal, caseId: string, reason: string): Promise<CaseRetentionState> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockCase(manager, caseId);
      if (!(await retentionRepository.placeHold(manager, caseId, this.protection.seal(reason, SEAL_CONTEXT.legalHold(caseId)), staff.id))) {
        throw new ConflictException('The case is already on legal hold');
      }
      await this.insertEvent(manager, caseId, staff, { kind: 'legal_hold_placed', data: { reason } });
      await recordAudit(manager, { actorId: staff.id, action: 'case.legal_hold_placed', caseId, after: { reason } }, this.protection);
      return this.caseView(manager, caseId);
    });
  }

  async releaseHold(staff: StaffPrincipal, caseId: string, reason: string | null): Promise<CaseRetentionState> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockCase(manager, caseId);
      const released = await retentionRepository.releaseHold(manager, caseId);
      if (released === null) throw new ConflictException('The case is not on legal hold');
      const heldFor = openFreeText(this.protection, released.reasonSealed, SEAL_CONTEXT.legalHold(caseId), released.reason);
      await this.insertEvent(manager, caseId, staff, { kind: 'legal_hold_released', data: { reason } });
      // The audit log keeps the reasons (append-only; the purge nulls them).
      await recordAudit(
        manager,
        { actorId: staff.id, action: 'case.legal_hold_released', caseId, before: { reason: heldFor }, after: { reason } },
        this.protection,
      );
      return this.caseView(manager, caseId);
    });
  }

  /** Whether the person has asked to delete their case, and when it goes. Writes nothing. */
  async deletionStatus(reference: string, accessCode: string): Promise<CaseDeletionStatus> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.openForPerson(manager, reference, accessCode);
      return this.deletionView(row, await retentionRepository.deletionRequest(manager, row.id));
    });
  }

  /**
   * The person asks to delete their case: it goes after the cooling-off period unless they cancel.
   * Refused while the case is on legal hold. Asking again keeps the first request's date.
   */
  async requestDeletion(reference: string, accessCode: string): Promise<CaseDeletionStatus> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.openForPerson(manager, reference, accessCode);
      if (row.onHold) throw new ConflictException(DELETION_REFUSED_ON_HOLD);
      const request = await retentionRepository.requestDeletion(manager, row.id, this.config.caseDeletionCoolingOffDays);
      if (request.created) {
        const executeAfter = new Date(request.executeAfter).toISOString();
        await caseEventRepository.insert(manager, { caseId: row.id, actorKind: 'person', event: { kind: 'deletion_requested', data: { executeAfter } } });
        await recordAudit(manager, { actorId: null, action: 'case.deletion_requested', caseId: row.id, after: { executeAfter } });
      }
      return this.deletionView(row, request);
    });
  }

  /** The person changed their mind during the cooling-off. */
  async cancelDeletion(reference: string, accessCode: string): Promise<CaseDeletionStatus> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.openForPerson(manager, reference, accessCode);
      if (await retentionRepository.cancelDeletion(manager, row.id)) {
        await caseEventRepository.insert(manager, { caseId: row.id, actorKind: 'person', event: { kind: 'deletion_cancelled', data: {} } });
        await recordAudit(manager, { actorId: null, action: 'case.deletion_cancelled', caseId: row.id });
      }
      return this.deletionView(row, null);
    });
  }

  /** A hold's timeline entry: its reason sealed into `case_event.sealed`, never left in `data`. */
  private async insertEvent(
    manager: EntityManager,
    caseId: string,
    staff: StaffPrincipal,
    event: Extract<TimelineEvent, { kind: 'legal_hold_placed' | 'legal_hold_released' }>,
  ): Promise<void> {
    await caseEventRepository.insert(manager, { caseId, actorKind: 'staff', actorId: staff.id, ...sealTimelineEvent(this.protection, caseId, event) });
  }

  private async lockCase(manager: EntityManager, caseId: string): Promise<RetentionCaseRow> {
    const row = await retentionRepository.lockCase(manager, caseId);
    if (!row) throw new NotFoundException('Case not found');
    return row;
  }

  /** Checks the reference and code (which part is wrong is never said), then locks the case. */
  private async openForPerson(manager: EntityManager, reference: string, accessCode: string): Promise<RetentionCaseRow> {
    const found = await caseByAccessCode(manager, this.protection, reference, accessCode, false);
    if (!found) throw new NotFoundException(CASE_NOT_FOUND);
    const row = await retentionRepository.lockCase(manager, found.id);
    if (!row) throw new NotFoundException(CASE_NOT_FOUND);
    return row;
  }

  private deletionView(row: RetentionCaseRow, request: DeletionRequestRow | null): CaseDeletionStatus {
    const coolingOffDays = this.config.caseDeletionCoolingOffDays;
    if (row.onHold) return { state: 'on_hold', executeAfter: null, coolingOffDays };
    return request ? { state: 'pending', executeAfter: iso(request.executeAfter), coolingOffDays } : { state: 'none', executeAfter: null, coolingOffDays };
  }

  private settingsView(row: RetentionSettingsRow): RetentionSettings {
    return { closedCaseDays: row.closedCaseDays, deletionCoolingOffDays: this.config.caseDeletionCoolingOffDays, updatedAt: iso(row.updatedAt) };
  }

  private async caseView(manager: EntityManager, caseId: string): Promise<CaseRetentionState> {
    const hold = await retentionRepository.hold(manager, caseId);
    const deletion = await retentionRepository.deletionRequest(manager, caseId);
    return {
      hold: hold
        ? {
            reason: openFreeText(this.protection, hold.reasonSealed, SEAL_CONTEXT.legalHold(caseId), hold.reason) ?? '',
            placedAt: new Date(hold.placedAt).toISOString(),
            placedBy: hold.placedById ? { id: hold.placedById, displayName: hold.placedByName ?? '' } : null,
          }
        : null,
      deletion: deletion ? { requestedAt: new Date(deletion.requestedAt).toISOString(), executeAfter: new Date(deletion.executeAfter).toISOString() } : null,
    };
  }
}
