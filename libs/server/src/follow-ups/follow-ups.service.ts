import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FollowUpView } from '@sg/contracts';
import { FOLLOW_UP_KIND_LABELS } from '@sg/domain';
import { DataSource } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { StaffPrincipal } from '../auth/staff-principal';
import { assertMayWorkCase } from '../case-core/case-access-policy';
import { loadCaseState } from '../case-core/case-state';
import { followUpRepository } from './follow-up.repository';

/** An instant as ISO text; a column that cannot be null gives text, never null. */
function iso(value: Date): string;
function iso(value: Date | null): string | null;
function iso(value: Date | null): string | null {
  return value ? new Date(value).toISOString() : null;
}

/** A case's follow-up list (the case page's follow-ups tab). */
@Injectable()
export class FollowUpsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(staff: StaffPrincipal, caseId: string): Promise<FollowUpView[]> {
    const state = await loadCaseState(this.dataSource.manager, caseId, false);
    assertMayWorkCase(staff, state.assigneeId);
    // Every read of a case's parts is logged, like the case itself: one row per request.
    await recordAudit(this.dataSource.manager, { actorId: staff.id, action: 'follow_ups.read', caseId });
    const rows = await followUpRepository.listForCase(this.dataSource, caseId);
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      label: FOLLOW_UP_KIND_LABELS[row.kind] ?? row.kind,
      dueAt: iso(row.due_at),
      status: row.status,
      subject: { type: row.subject_type, id: row.subject_id, label: row.subject_label },
      firedAt: iso(row.fired_at),
      doneAt: iso(row.done_at),
    }));
  }
}
