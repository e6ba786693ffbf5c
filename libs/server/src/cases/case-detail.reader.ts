import { NotFoundException } from '@nestjs/common';
import { CaseDetail, EvidenceEntry } from '@sg/contracts';
import { allowedCaseTransitions, CaseStatus, Priority, TriageFactor } from '@sg/domain';
import { EntityManager } from 'typeorm';
import { summariseEvent } from './timeline-summary';

/** The columns commands need to check and change a case. */
export interface CaseState {
  id: string;
  reference: string;
  version: number;
  status: CaseStatus;
  priority: Priority;
  triagePriority: Priority;
  priorityOverride: Priority | null;
  assigneeId: string | null;
  firstResponseDueAt: Date;
  firstRespondedAt: Date | null;
  createdAt: Date;
  ageBand: string;
  contentMadeUnder18: boolean | null;
  selfHarm: string;
  immediateDanger: boolean;
  deadlineAt: Date | null;
  contentPosted: string;
  stillInContact: boolean | null;
  paid: boolean | null;
  submittedBy: string;
  country: string;
  demands: string[];
}

/**
 * The lock every command on a case takes first, so changes to one case happen one at a time.
 * NO KEY UPDATE, not UPDATE: rows that merely reference the case (follow-ups, notifications,
 * timeline and audit entries) take KEY SHARE for their foreign key, and must not queue behind
 * it: the worker firing a follow-up would wait for a caseworker's change, and planning a new
 * case while it is claimed would deadlock.
 */
export const CASE_ROW_LOCK = 'FOR NO KEY UPDATE';

export async function loadCaseState(manager: EntityManager, caseId: string, lock: boolean): Promise<CaseState> {
  const [row] = await manager.query(
    `SELECT id, reference, version, status, priority, triage_priority AS "triagePriority", priority_override AS "priorityOverride",
            assignee_id AS "assigneeId", first_response_due_at AS "firstResponseDueAt", first_responded_at AS "firstRespondedAt",
            created_at AS "createdAt", age_band AS "ageBand", content_made_under_18 AS "contentMadeUnder18", self_harm AS "selfHarm",
            immediate_danger AS "immediateDanger", deadline_at AS "deadlineAt", content_posted AS "contentPosted",
            still_in_contact AS "stillInContact", paid, submitted_by AS "submittedBy", country, demands
       FROM support_case WHERE id = $1 ${lock ? CASE_ROW_LOCK : ''}`,
    [caseId],
  );
  if (!row) throw new NotFoundException('No case with that id');
  return row;
}

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);

/** Everything the case page shows, read in a handful of queries. Contact details are not in it. */
export async function readCaseDetail(manager: EntityManager, caseId: string): Promise<CaseDetail> {
  const [row] = await manager.query(
    `SELECT c.*, a.display_name AS assignee_name, o.display_name AS override_by_name
       FROM support_case c
       LEFT JOIN staff_user a ON a.id = c.assignee_id
       LEFT JOIN staff_user o ON o.id = c.priority_override_by
      WHERE c.id = $1`,
    [caseId],
  );
  if (!row) throw new NotFoundException('No case with that id');
  // One after another: inside a transaction they share one connection anyway.
  const platforms = await manager.query(`SELECT id, platform, offender_handle, profile_url, added_at FROM case_platform WHERE case_id = $1 ORDER BY added_at, id`, [caseId]);
  const urls = await manager.query(`SELECT id, url, added_at FROM case_content_url WHERE case_id = $1 ORDER BY added_at, id`, [caseId]);
  const steps = await manager.query(`SELECT key, title, detail, done, done_at FROM case_plan_step WHERE case_id = $1 ORDER BY position`, [caseId]);
  const evidence = await manager.query(
    `SELECT e.*, u.display_name AS added_by_name FROM case_evidence e JOIN staff_user u ON u.id = e.added_by WHERE e.case_id = $1 ORDER BY e.added_at DESC`,
    [caseId],
  );
  const notes = await manager.query(
    `SELECT n.id, n.body, n.created_at, n.author_id, u.display_name AS author_name FROM case_note n JOIN staff_user u ON u.id = n.author_id
      WHERE n.case_id = $1 ORDER BY n.created_at DESC`,
    [caseId],
  );
  const events = await manager.query(
    `SELECT e.id, e.at, e.actor_kind, e.actor_id, e.kind, e.data, u.display_name AS actor_name
       FROM case_event e LEFT JOIN staff_user u ON u.id = e.actor_id
      WHERE e.case_id = $1 ORDER BY e.at DESC, e.id DESC LIMIT 500`,
    [caseId],
  );
  const status = row.status as CaseStatus;
  return {
    id: row.id,
    reference: row.reference,
    version: row.version,
    status,
    allowedTransitions: [...allowedCaseTransitions(status)],
    priority: row.priority,
    triagePriority: row.triage_priority,
    triageFactors: row.triage_factors as TriageFactor[],
    priorityOverride: row.priority_override
      ? {
          priority: row.priority_override,
          reason: row.priority_override_reason,
          by: row.priority_override_by ? { id: row.priority_override_by, displayName: row.override_by_name } : null,
          at: iso(row.priority_override_at) as string,
        }
      : null,
    firstResponseDueAt: iso(row.first_response_due_at) as string,
    firstRespondedAt: iso(row.first_responded_at),
    assignee: row.assignee_id ? { id: row.assignee_id, displayName: row.assignee_name } : null,
    createdAt: iso(row.created_at) as string,
    updatedAt: iso(row.updated_at) as string,
    facts: {
      submittedBy: row.submitted_by,
      channel: row.channel,
      alias: row.alias,
      ageBand: row.age_band,
      contentMadeUnder18: row.content_made_under_18,
      country: row.country,
      selfHarm: row.self_harm,
      immediateDanger: row.immediate_danger,
      deadlineAt: iso(row.deadline_at),
      demands: row.demands,
      contentPosted: row.content_posted,
      stillInContact: row.still_in_contact,
      paid: row.paid,
      narrative: row.narrative,
    },
    contact: { channel: row.contact_channel, consentToContact: row.consent_contact, hasDetails: row.contact_sealed !== null },
    platforms: platforms.map((p: Record<string, unknown>) => ({ id: p['id'], platform: p['platform'], offenderHandle: p['offender_handle'], profileUrl: p['profile_url'], addedAt: iso(p['added_at'] as Date) })),
    contentUrls: urls.map((u: Record<string, unknown>) => ({ id: u['id'], url: u['url'], addedAt: iso(u['added_at'] as Date) })),
    actionPlan: steps.map((s: Record<string, unknown>) => ({ key: s['key'], title: s['title'], detail: s['detail'], done: s['done'], doneAt: iso(s['done_at'] as Date | null) })),
    evidence: evidence.map((e: Record<string, unknown>): EvidenceEntry => ({
      id: e['id'] as string,
      kind: e['kind'] as EvidenceEntry['kind'],
      platform: e['platform'] as string | null,
      offenderHandle: e['offender_handle'] as string | null,
      profileUrl: e['profile_url'] as string | null,
      description: e['description'] as string,
      paymentReference: e['payment_reference'] as string | null,
      seenAt: iso(e['seen_at'] as Date | null),
      sha256: e['sha256'] as string | null,
      fileName: e['file_name'] as string | null,
      addedAt: iso(e['added_at'] as Date) as string,
      addedBy: { id: e['added_by'] as string, displayName: e['added_by_name'] as string },
    })),
    notes: notes.map((n: Record<string, unknown>) => ({ id: n['id'], at: iso(n['created_at'] as Date), author: { id: n['author_id'], displayName: n['author_name'] }, body: n['body'] })),
    timeline: events.map((e: Record<string, unknown>) => ({
      id: String(e['id']),
      at: iso(e['at'] as Date) as string,
      actor: { kind: e['actor_kind'], staff: e['actor_id'] ? { id: e['actor_id'], displayName: e['actor_name'] } : null },
      kind: e['kind'] as string,
      summary: summariseEvent(e['kind'] as string, e['data'] as Record<string, unknown>, (e['actor_name'] as string | null) ?? (e['actor_kind'] === 'system' ? 'The system' : null)),
      data: e['data'] as Record<string, unknown>,
    })),
  } as CaseDetail;
}
