import { NotFoundException } from '@nestjs/common';
import { CaseDetail, CaseIdentifierView, EvidenceEntry, EvidenceIdentifier } from '@sg/contracts';
import { allowedCaseTransitions } from '@sg/domain';
import { EntityManager } from 'typeorm';
import { StaffPrincipal } from '../auth/staff-principal';
import { caseIdentifierRepository, EnteredIdentifierRow } from '../identifiers/case-identifier.repository';
import { purgedCasesHolding } from '../identifiers/purged-identifiers';
import { DataProtection } from '../security/data-protection';
import { seesEverything } from '../case-core/case-access-policy';
import { caseEventRepository } from '../case-core/case-event.repository';
import { CaseEvidenceRow, caseRecordRepository } from './case-record.repository';
import { supportCaseRepository } from '../case-core/support-case.repository';
import { summariseEvent } from './timeline-summary';
import { SEAL_CONTEXT } from '../security/seal-contexts';
import { openFreeText, withFreeText } from './case-free-text';

export { CASE_ROW_LOCK } from '../case-core/support-case.repository';
export type { CaseState } from '../case-core/support-case.repository';
export { loadCaseState } from '../case-core/case-state';

/** An instant as ISO text; a column that cannot be null gives text, never null. */
function iso(value: Date | string): string;
function iso(value: Date | string | null): string | null;
function iso(value: Date | string | null): string | null {
  return value ? new Date(value).toISOString() : null;
}

/** How a secret (a gift-card code) is shown: never in clear, in a list or on the case page. */
export const SECRET_SHOWN_AS = '••••';

/**
 * The case's identifiers with "seen in N other cases" (purged cases counted by keyed hash). Every
 * reader learns the count; only supervisors and admins (who may open every case) learn which
 * cases: a caseworker must never get a reference or id of a case they may not open. A secret
 * (a gift-card code) is not shown.
 */
async function readIdentifiers(manager: EntityManager, protection: DataProtection, caseId: string, viewer: StaffPrincipal): Promise<CaseIdentifierView[]> {
  const held = await caseIdentifierRepository.forCase(manager, caseId);
  const withCases = seesEverything(viewer);
  const matches = await caseIdentifierRepository.othersHolding(manager, caseId, held, withCases);
  const purged = await purgedCasesHolding(manager, protection, held);
  const byKey = new Map(matches.map((m) => [`${m.kind}\u0000${m.value}`, m]));
  return held.map((identifier) => {
    const key = `${identifier.kind}\u0000${identifier.value}`;
    const match = byKey.get(key);
    const view: CaseIdentifierView = {
      kind: identifier.kind,
      value: identifier.secret ? SECRET_SHOWN_AS : identifier.value,
      sources: identifier.sources,
      otherCases: (match?.other_cases ?? 0) + (purged.get(key) ?? 0),
    };
    if (withCases) view.cases = match?.cases ?? [];
    return view;
  });
}

/** Everything the case page shows, read in a handful of queries. Contact details are not in it. */
/** A piece of evidence as the API sends it, its description opened, with its typed identifiers (secrets masked). */
export function toEvidenceEntry(e: CaseEvidenceRow, identifiers: readonly EnteredIdentifierRow[], protection: DataProtection): EvidenceEntry {
  return {
    id: e.id,
    kind: e.kind,
    platform: e.platform,
    offenderHandle: e.offender_handle,
    profileUrl: e.profile_url,
    description: openFreeText(protection, e.description_sealed, SEAL_CONTEXT.evidence(e.id), e.description) ?? '',
    paymentReference: e.payment_reference,
    seenAt: iso(e.seen_at),
    sha256: e.sha256,
    fileName: e.file_name,
    addedAt: iso(e.added_at),
    addedBy: { id: e.added_by, displayName: e.added_by_name },
    identifiers: identifiers
      .filter((i) => i.evidence_id === e.id)
      .map((i): EvidenceIdentifier => ({ id: i.id, kind: i.kind, value: i.secret ? SECRET_SHOWN_AS : i.value, secret: i.secret })),
  };
}

export async function readCaseDetail(manager: EntityManager, caseId: string, viewer: StaffPrincipal, protection: DataProtection): Promise<CaseDetail> {
  const row = await supportCaseRepository.detail(manager, caseId);
  if (!row) throw new NotFoundException('No case with that id');
  // One after another: inside a transaction they share one connection anyway.
  const platforms = await caseRecordRepository.platforms(manager, caseId);
  const urls = await caseRecordRepository.contentUrls(manager, caseId);
  const steps = await caseRecordRepository.planStepsWithDates(manager, caseId);
  const evidence = await caseRecordRepository.evidence(manager, caseId);
  const notes = await caseRecordRepository.notes(manager, caseId);
  const events = await caseEventRepository.recent(manager, caseId);
  const entered = await caseIdentifierRepository.enteredForCase(manager, caseId);
  const identifiers = await readIdentifiers(manager, protection, caseId, viewer);
  const status = row.status;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- the override's reason and at, and the staff names, are nullable columns the contract types as set: each is written with the column its condition tests (a contract change, left for its own review).
  return {
    id: row.id,
    reference: row.reference,
    version: row.version,
    status,
    allowedTransitions: [...allowedCaseTransitions(status)],
    priority: row.priority,
    triagePriority: row.triage_priority,
    triageFactors: row.triage_factors,
    priorityOverride: row.priority_override
      ? {
          priority: row.priority_override,
          reason: openFreeText(protection, row.priority_override_reason_sealed, SEAL_CONTEXT.priorityOverride(row.id), row.priority_override_reason),
          by: row.priority_override_by ? { id: row.priority_override_by, displayName: row.override_by_name } : null,
          at: iso(row.priority_override_at),
        }
      : null,
    firstResponseDueAt: iso(row.first_response_due_at),
    firstRespondedAt: iso(row.first_responded_at),
    assignee: row.assignee_id ? { id: row.assignee_id, displayName: row.assignee_name } : null,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
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
      narrative: openFreeText(protection, row.narrative_sealed, SEAL_CONTEXT.narrative(row.id), row.narrative),
    },
    language: row.language,
    contact: { channel: row.contact_channel, consentToContact: row.consent_contact, hasDetails: row.contact_sealed !== null },
    platforms: platforms.map((p) => ({
      id: p.id,
      platform: p.platform,
      offenderHandle: p.offender_handle,
      profileUrl: p.profile_url,
      addedAt: iso(p.added_at),
    })),
    contentUrls: urls.map((u) => ({ id: u.id, url: u.url, addedAt: iso(u.added_at) })),
    actionPlan: steps.map((s) => ({ key: s.key, title: s.title, detail: s.detail, done: s.done, doneAt: iso(s.done_at) })),
    evidence: evidence.map((e) => toEvidenceEntry(e, entered, protection)),
    notes: notes.map((n) => ({
      id: n.id,
      at: iso(n.created_at),
      author: { id: n.author_id, displayName: n.author_name },
      body: openFreeText(protection, n.body_sealed, SEAL_CONTEXT.note(n.id), n.body) ?? '',
    })),
    timeline: events
      .map((stored) => withFreeText(protection, caseId, stored))
      .map((e) => ({
        id: String(e.id),
        at: iso(e.at),
        actor: { kind: e.actor_kind, staff: e.actor_id ? { id: e.actor_id, displayName: e.actor_name } : null },
        kind: e.kind,
        summary: summariseEvent(e.kind, e.data, e.actor_name ?? (e.actor_kind === 'system' ? 'The system' : null)),
        data: e.data,
      })),
    identifiers,
  } as CaseDetail;
}
