import { randomUUID } from 'node:crypto';
import { BadRequestException, ConflictException, ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditEntry, CaseDetail, CaseNote, CaseUpdate, ContactDetails, EvidenceEntry, EvidenceInput, EvidenceUpdate } from '@sg/contracts';
import { ActionPlanStepKey, caseTransitionProblem, OPEN_CASE_STATUSES, priorityRank, resumeTarget, TimelineEvent, TriageFacts } from '@sg/domain';
import { DataSource, EntityManager } from 'typeorm';
import { IdentifierKind, normaliseIdentifier } from '@sg/domain/identifiers';
import { staffUserRepository } from '../accounts/staff-user.repository';
import { openAuditPayload } from '../audit/audit-free-text';
import { recordAudit } from '../audit/record-audit';
import { CaseFollowUps } from '../case-core/case-follow-ups';
import { StaffPrincipal } from '../auth/staff-principal';
import { validationError } from '../http/zod-validation.pipe';
import { DataProtection } from '../security/data-protection';
import { SEAL_CONTEXT } from '../security/seal-contexts';
import { recordEnteredIdentifiers, syncCaseIdentifiers } from '../identifiers/case-identifiers';
import { caseIdentifierRepository } from '../identifiers/case-identifier.repository';
import { assertMayOpenCase, assertMayWorkCase, seesEverything } from '../case-core/case-access-policy';
import { CaseState, loadCaseState, readCaseDetail, toEvidenceEntry } from './case-detail.reader';
import { openFreeText, sealTimelineEvent } from './case-free-text';
import { caseEventRepository } from '../case-core/case-event.repository';
import { notifyCaseChange } from '../case-core/case-notifier';
import { reconcileCasePlan } from './case-plan';
import { caseRecordRepository } from './case-record.repository';
import { retriage } from '../case-core/retriage';
import { loadResponseTargetPolicy } from '../organisation/response-target-policy';
import { SupportCaseChange, supportCaseRepository } from '../case-core/support-case.repository';

/**
 * Everything staff do to a case. Each command is one transaction holding the case row: the
 * change, its timeline entry, its audit row (before/after) and the live notification commit
 * together or not at all.
 */
@Injectable()
export class CaseWorkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly protection: DataProtection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly followUps: CaseFollowUps,
  ) {}

  /** Reading a case is audited too: who looked at whose case, and when. */
  async read(staff: StaffPrincipal, caseId: string): Promise<CaseDetail> {
    return this.dataSource.transaction(async (manager) => {
      const state = await loadCaseState(manager, caseId, false);
      await assertMayOpenCase(manager, staff, state.assigneeId);
      return this.audited(manager, staff, caseId);
    });
  }

  /** Takes an unheld case. Two people claiming at once: the row lock lets exactly one win. */
  async claim(staff: StaffPrincipal, caseId: string): Promise<CaseDetail> {
    return this.followUps.transaction(this.dataSource, async (manager, replan) => {
      const state = await loadCaseState(manager, caseId, true);
      if (state.assigneeId === staff.id) return this.audited(manager, staff, caseId);
      if (state.assigneeId) {
        const holder = await staffUserRepository.displayName(manager, state.assigneeId);
        throw new ConflictException(`Already claimed by ${holder ?? 'someone else'}`);
      }
      if (!OPEN_CASE_STATUSES.includes(state.status)) throw new ConflictException('This case is resolved or closed; reopen it to work on it');
      await this.setAssignee(manager, state, staff.id);
      await this.timeline(manager, caseId, staff, { kind: 'case_claimed', data: {} });
      await recordAudit(manager, {
        actorId: staff.id,
        action: 'case.claimed',
        caseId,
        before: { assigneeId: null, status: state.status },
        after: { assigneeId: staff.id, status: this.statusAfterAssign(state) },
      });
      await notifyCaseChange(manager, 'case.claimed', { ...state, status: this.statusAfterAssign(state), assigneeId: staff.id });
      await replan(caseId);
      return readCaseDetail(manager, caseId, staff, this.protection);
    });
  }

  /**
   * Supervisors and admins give a case to someone (or take it from one person to another).
   * `expectedAssigneeId` (when given) is who the caller saw holding it: if that is no longer
   * true, nothing changes and the caller gets 409 with the case as it is now.
   */
  async assign(staff: StaffPrincipal, caseId: string, assigneeId: string, expectedAssigneeId?: string | null): Promise<CaseDetail> {
    const outcome = await this.followUps.transaction(this.dataSource, async (manager, replan) => {
      const state = await loadCaseState(manager, caseId, true);
      const assignee = await supportCaseRepository.assignableStaff(manager, assigneeId);
      if (!assignee) throw validationError([{ path: 'assigneeId', message: 'is not an active member of staff' }]);
      // Already where the caller wants it (a double click, two supervisors agreeing): nothing to do.
      if (state.assigneeId === assigneeId) return { assigned: await this.audited(manager, staff, caseId) };
      if (expectedAssigneeId !== undefined && state.assigneeId !== expectedAssigneeId) {
        const holder = state.assigneeId ? await staffUserRepository.displayName(manager, state.assigneeId) : null;
        return { moved: { holder: holder ?? undefined, current: await this.audited(manager, staff, caseId) } };
      }
      await this.setAssignee(manager, state, assigneeId);
      await this.timeline(manager, caseId, staff, {
        kind: 'case_assigned',
        data: { assigneeId, assigneeName: assignee.display_name, previousAssigneeId: state.assigneeId },
      });
      await recordAudit(manager, { actorId: staff.id, action: 'case.assigned', caseId, before: { assigneeId: state.assigneeId }, after: { assigneeId } });
      await notifyCaseChange(manager, 'case.assigned', { ...state, status: this.statusAfterAssign(state), assigneeId });
      await replan(caseId);
      return { assigned: await readCaseDetail(manager, caseId, staff, this.protection) };
    });
    if (outcome.moved) {
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: outcome.moved.holder
          ? `Someone else changed this case first: it is now with ${outcome.moved.holder}. Nothing was changed.`
          : 'Someone else changed this case first: nobody holds it now. Nothing was changed.',
        current: outcome.moved.current,
      });
    }
    return outcome.assigned;
  }

  /** Status, priority override and facts, guarded by the version the caller last saw. */
  async update(staff: StaffPrincipal, caseId: string, change: CaseUpdate): Promise<CaseDetail> {
    const outcome = await this.followUps.transaction(this.dataSource, async (manager, replan) => {
      const state = await loadCaseState(manager, caseId, true);
      assertMayWorkCase(staff, state.assigneeId);
      // Stale: the caller gets the current case (a read, audited and committed) and a 409.
      if (change.version !== state.version) return { stale: await this.audited(manager, staff, caseId) };
      const updated = await this.applyUpdate(manager, staff, state, change);
      // A new status (closing cancels everything pending), deadline or priority moves follow-ups.
      await replan(caseId);
      return { updated };
    });
    if (outcome.stale) {
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: 'Someone else changed this case since you opened it. Here is the current case; check it and try again.',
        current: outcome.stale,
      });
    }
    return outcome.updated;
  }

  private async applyUpdate(manager: EntityManager, staff: StaffPrincipal, state: CaseState, change: CaseUpdate): Promise<CaseDetail> {
    const caseId = state.id;
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    // The columns to set, in the order they are found to change.
    const columns: SupportCaseChange = {};
    const set = <C extends keyof SupportCaseChange>(column: C, value: SupportCaseChange[C]) => {
      columns[column] = value;
    };

    if (change.status !== undefined && change.status !== state.status) {
      const problem = caseTransitionProblem(state.status, change.status);
      if (problem) throw new ConflictException(problem);
      if (change.status === 'in_progress' && !state.assigneeId) throw new ConflictException('Claim or assign the case before working it.');
      set('status', change.status);
      before['status'] = state.status;
      after['status'] = change.status;
      await this.timeline(manager, caseId, staff, { kind: 'status_changed', data: { from: state.status, to: change.status } });
      // Waiting on the person before anyone reached them pauses the first-response target (and its
      // escalations: the planner plans none while waiting); leaving `waiting` moves it on by the pause.
      if (change.status === 'waiting' && state.firstRespondedAt === null) set('target_paused_at', new Date());
      if (state.status === 'waiting' && state.targetPausedAt) {
        const policy = await loadResponseTargetPolicy(manager, this.config);
        set('first_response_due_at', resumeTarget(state.priority, new Date(state.firstResponseDueAt), new Date(state.targetPausedAt), new Date(), policy));
        set('target_paused_at', null);
      }
    }

    const facts: TriageFacts = {
      ageBand: state.ageBand,
      contentMadeUnder18: state.contentMadeUnder18,
      selfHarm: state.selfHarm,
      immediateDanger: state.immediateDanger,
      deadlineAt: state.deadlineAt,
      contentPosted: state.contentPosted,
      stillInContact: state.stillInContact,
      paid: state.paid,
    };
    const changedFacts: string[] = [];
    // Only what actually differs counts as a change (a form may send a field it did not change).
    const correct = <K extends keyof TriageFacts, C extends keyof SupportCaseChange>(
      key: K,
      column: C,
      label: string,
      value: (TriageFacts[K] & SupportCaseChange[C]) | undefined,
    ) => {
      if (value === undefined) return;
      const same = value instanceof Date || facts[key] instanceof Date ? sameInstant(value, facts[key]) : value === facts[key];
      if (same) return;
      facts[key] = value;
      set(column, value);
      changedFacts.push(label);
    };
    correct('ageBand', 'age_band', 'age', change.ageBand);
    correct('contentMadeUnder18', 'content_made_under_18', 'whether content was made under 18', change.contentMadeUnder18);
    correct('selfHarm', 'self_harm', 'self-harm', change.selfHarm);
    correct('immediateDanger', 'immediate_danger', 'immediate danger', change.immediateDanger);
    correct('deadlineAt', 'deadline_at', 'deadline', change.deadlineAt === undefined ? undefined : change.deadlineAt ? new Date(change.deadlineAt) : null);
    correct('contentPosted', 'content_posted', 'whether content is posted', change.contentPosted);
    correct('stillInContact', 'still_in_contact', 'contact with the threatener', change.stillInContact);
    correct('paid', 'paid', 'payment', change.paid);

    let override = state.priorityOverride;
    if (change.priorityOverride !== undefined) {
      if (staff.role === 'caseworker' && state.assigneeId !== staff.id) throw new ForbiddenException('Claim the case before overriding its priority');
      override = change.priorityOverride?.priority ?? null;
      set('priority_override', override);
      // The reason is sealed; the plain column is emptied (it holds only reasons written before sealing).
      set('priority_override_reason', null);
      set(
        'priority_override_reason_sealed',
        change.priorityOverride ? this.protection.seal(change.priorityOverride.reason, SEAL_CONTEXT.priorityOverride(caseId)) : null,
      );
      set('priority_override_by', change.priorityOverride ? staff.id : null);
      set('priority_override_at', change.priorityOverride ? 'now()' : 'NULL');
      before['priorityOverride'] = state.priorityOverride;
      after['priorityOverride'] = change.priorityOverride ?? null;
      await this.timeline(manager, caseId, staff, {
        kind: 'priority_overridden',
        data: { from: state.priority, to: override, reason: change.priorityOverride?.reason ?? null },
      });
    }

    if (changedFacts.length || change.priorityOverride !== undefined) {
      const next = retriage(
        facts,
        { ...state, priorityOverride: override, firstResponseDueAt: columns.first_response_due_at ?? state.firstResponseDueAt },
        new Date(),
        await loadResponseTargetPolicy(manager, this.config),
      );
      // Raising a case's priority is anyone's to do; lowering it (which also cancels its wellbeing
      // checks) is for the person holding it or a supervisor, as with an override.
      if (staff.role === 'caseworker' && state.assigneeId !== staff.id && priorityRank(next.priority) > priorityRank(state.priority)) {
        throw new ForbiddenException('Claim the case before changing facts that lower its priority');
      }
      set('triage_priority', next.triagePriority);
      set('triage_factors', JSON.stringify(next.factors));
      set('triaged_at', 'now()');
      set('priority', next.priority);
      set('priority_rank', priorityRank(next.priority));
      set('first_response_due_at', next.firstResponseDueAt);
      if (changedFacts.length) {
        await this.timeline(manager, caseId, staff, { kind: 'facts_updated', data: { fields: changedFacts } });
        before['facts'] = pick(state, FACT_KEYS);
        after['facts'] = pick({ ...facts }, FACT_KEYS);
        await reconcileCasePlan(manager, caseId, { ...facts, submittedBy: state.submittedBy, country: state.country, demands: state.demands });
      }
      if (next.changed) {
        await this.timeline(manager, caseId, null, {
          kind: 'case_retriaged',
          data: { from: state.triagePriority, to: next.triagePriority, factors: next.factors.map((f) => f.key), reason: 'Facts changed' },
        });
      }
      if (next.priority !== state.priority) {
        before['priority'] = state.priority;
        after['priority'] = next.priority;
      }
    }

    // Nothing actually changes (a double click, a form re-sending the same status): answer with the case.
    if (!Object.keys(columns).length) return this.audited(manager, staff, caseId);
    await supportCaseRepository.applyChange(manager, caseId, columns);
    await recordAudit(manager, { actorId: staff.id, action: 'case.updated', caseId, before, after }, this.protection);
    const detail = await readCaseDetail(manager, caseId, staff, this.protection);
    await notifyCaseChange(manager, 'case.updated', { ...detail, assigneeId: detail.assignee?.id ?? null });
    return detail;
  }

  async setPlanStep(staff: StaffPrincipal, caseId: string, key: ActionPlanStepKey, done: boolean): Promise<CaseDetail> {
    return this.dataSource.transaction(async (manager) => {
      const state = await loadCaseState(manager, caseId, true);
      assertMayWorkCase(staff, state.assigneeId);
      const step = await caseRecordRepository.planStep(manager, caseId, key);
      if (!step) throw new NotFoundException('This case has no such plan step');
      // Nothing changes (a double click): the answer is still a read of the case, and audited as one.
      if (step.done === done) return this.audited(manager, staff, caseId);
      await caseRecordRepository.setPlanStepDone(manager, caseId, key, done);
      await supportCaseRepository.bumpVersion(manager, caseId);
      await this.timeline(manager, caseId, staff, { kind: done ? 'plan_step_done' : 'plan_step_reopened', data: { key, title: step.title } });
      await recordAudit(manager, { actorId: staff.id, action: 'case.plan_step', caseId, before: { key, done: step.done }, after: { key, done } });
      return readCaseDetail(manager, caseId, staff, this.protection);
    });
  }

  async addNote(staff: StaffPrincipal, caseId: string, body: string): Promise<CaseNote> {
    return this.dataSource.transaction(async (manager) => {
      const state = await loadCaseState(manager, caseId, true);
      assertMayWorkCase(staff, state.assigneeId);
      const noteId = randomUUID();
      const note = await caseRecordRepository.insertNote(manager, caseId, staff.id, {
        id: noteId,
        bodySealed: this.protection.seal(body, SEAL_CONTEXT.note(noteId)),
      });
      await supportCaseRepository.touch(manager, caseId);
      await this.timeline(manager, caseId, staff, { kind: 'note_added', data: { noteId: note.id } });
      // The audit log points at the note; the text itself lives (and can be retained or deleted) with the case.
      await recordAudit(manager, { actorId: staff.id, action: 'case.note_added', caseId, after: { noteId: note.id } });
      return { id: note.id, at: new Date(note.created_at).toISOString(), author: { id: staff.id, displayName: staff.displayName }, body };
    });
  }

  async addEvidence(staff: StaffPrincipal, caseId: string, input: EvidenceInput): Promise<EvidenceEntry> {
    return this.dataSource.transaction(async (manager) => {
      const state = await loadCaseState(manager, caseId, true);
      assertMayWorkCase(staff, state.assigneeId);
      const evidenceId = randomUUID();
      const row = await caseRecordRepository.insertEvidence(manager, caseId, staff.id, {
        ...input,
        id: evidenceId,
        descriptionSealed: this.protection.seal(input.description, SEAL_CONTEXT.evidence(evidenceId)),
      });
      await syncCaseIdentifiers(manager, caseId);
      await recordEnteredIdentifiers(manager, this.protection, caseId, row.id, input.identifiers ?? []);
      await supportCaseRepository.touch(manager, caseId);
      await this.timeline(manager, caseId, staff, { kind: 'evidence_added', data: { evidenceId: row.id, kind: input.kind } });
      await recordAudit(manager, { actorId: staff.id, action: 'case.evidence_added', caseId, after: { evidenceId: row.id, kind: input.kind } });
      return this.evidenceEntry(manager, caseId, row.id);
    });
  }

  /**
   * Rewrites a piece of evidence as given, its typed identifiers replaced (those named by `keep`
   * stay as they are, a sealed gift card included), and the identifier index brought in step, all
   * in one transaction. The audit row and the timeline name the fields that changed, never their values.
   */
  async updateEvidence(staff: StaffPrincipal, caseId: string, evidenceId: string, input: EvidenceUpdate): Promise<EvidenceEntry> {
    return this.dataSource.transaction(async (manager) => {
      const state = await loadCaseState(manager, caseId, true);
      assertMayWorkCase(staff, state.assigneeId);
      const before = await caseRecordRepository.evidenceEntry(manager, caseId, evidenceId);
      if (!before) throw new NotFoundException('This case has no such evidence');
      const held = (await caseIdentifierRepository.enteredForCase(manager, caseId)).filter((i) => i.evidence_id === evidenceId);
      const requested = input.identifiers ?? [];
      const keep: string[] = [];
      const added: Array<{ kind: IdentifierKind; value: string }> = [];
      const refused: Array<{ path: string; message: string }> = [];
      requested.forEach((identifier, index) => {
        if ('keep' in identifier) {
          if (held.some((h) => h.id === identifier.keep)) keep.push(identifier.keep);
          else refused.push({ path: `identifiers[${index}].keep`, message: "is not one of this evidence entry's identifiers" });
        } else added.push(identifier);
      });
      if (refused.length) throw validationError(refused);

      const fields = ['kind', 'platform', 'offenderHandle', 'profileUrl', 'description', 'paymentReference', 'seenAt', 'sha256', 'fileName'] as const;
      const was: Record<(typeof fields)[number], string | null> = {
        kind: before.kind,
        platform: before.platform,
        offenderHandle: before.offender_handle,
        profileUrl: before.profile_url,
        description: openFreeText(this.protection, before.description_sealed, SEAL_CONTEXT.evidence(evidenceId), before.description),
        paymentReference: before.payment_reference,
        seenAt: before.seen_at ? new Date(before.seen_at).toISOString() : null,
        sha256: before.sha256,
        fileName: before.file_name,
      };
      const now = (field: (typeof fields)[number]): string | null => {
        const value = input[field];
        if (value === undefined || value === null) return null;
        return field === 'seenAt' ? new Date(value).toISOString() : String(value);
      };
      const changed: string[] = fields.filter((field) => was[field] !== now(field));
      // Re-sending an identifier as it was (a form sends its rows back) is no change.
      const after = [
        ...held.filter((h) => keep.includes(h.id)).map((h) => `${h.kind}\u0000${h.value}`),
        ...added.flatMap((raw) => {
          const identifier = normaliseIdentifier(raw.kind, raw.value);
          if (!identifier.ok) return [];
          return [`${identifier.kind}\u0000${identifier.secret ? this.protection.hashIdentifier(identifier.kind, identifier.value) : identifier.value}`];
        }),
      ].sort();
      const identifiersChanged =
        after.join('\u0001') !==
        held
          .map((h) => `${h.kind}\u0000${h.value}`)
          .sort()
          .join('\u0001');
      if (identifiersChanged) changed.push('identifiers');

      await caseRecordRepository.updateEvidence(manager, caseId, evidenceId, {
        ...input,
        id: evidenceId,
        descriptionSealed: this.protection.seal(input.description, SEAL_CONTEXT.evidence(evidenceId)),
      });
      await caseIdentifierRepository.removeEnteredExcept(manager, evidenceId, keep);
      await recordEnteredIdentifiers(manager, this.protection, caseId, evidenceId, added);
      await syncCaseIdentifiers(manager, caseId);
      if (changed.length) {
        await supportCaseRepository.touch(manager, caseId);
        await this.timeline(manager, caseId, staff, { kind: 'evidence_updated', data: { evidenceId, kind: input.kind, changed } });
        await recordAudit(manager, {
          actorId: staff.id,
          action: 'case.evidence_updated',
          caseId,
          before: { evidenceId, kind: before.kind },
          after: { evidenceId, kind: input.kind, changed },
        });
      }
      return this.evidenceEntry(manager, caseId, evidenceId);
    });
  }

  /** Removes a piece of evidence with its typed identifiers; the index follows in the same transaction. */
  async removeEvidence(staff: StaffPrincipal, caseId: string, evidenceId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const state = await loadCaseState(manager, caseId, true);
      assertMayWorkCase(staff, state.assigneeId);
      const before = await caseRecordRepository.evidenceEntry(manager, caseId, evidenceId);
      if (!before || !(await caseRecordRepository.deleteEvidence(manager, caseId, evidenceId))) throw new NotFoundException('This case has no such evidence');
      await syncCaseIdentifiers(manager, caseId);
      await supportCaseRepository.touch(manager, caseId);
      await this.timeline(manager, caseId, staff, { kind: 'evidence_removed', data: { evidenceId, kind: before.kind } });
      await recordAudit(manager, { actorId: staff.id, action: 'case.evidence_removed', caseId, before: { evidenceId, kind: before.kind } });
    });
  }

  private async evidenceEntry(manager: EntityManager, caseId: string, evidenceId: string): Promise<EvidenceEntry> {
    const row = await caseRecordRepository.evidenceEntry(manager, caseId, evidenceId);
    if (!row) throw new NotFoundException('This case has no such evidence');
    return toEvidenceEntry(row, await caseIdentifierRepository.enteredForCase(manager, caseId), this.protection);
  }

  /** The most sensitive read: decrypted on request only, with the reason on the audit trail. */
  async revealContact(staff: StaffPrincipal, caseId: string, reason: string): Promise<ContactDetails> {
    return this.dataSource.transaction(async (manager) => {
      const state = await loadCaseState(manager, caseId, false);
      // Only the person working the case (or a supervisor) has a reason to contact them.
      if (!seesEverything(staff) && state.assigneeId !== staff.id) throw new ForbiddenException('Claim the case before revealing contact details');
      const row = await supportCaseRepository.contact(manager, caseId);
      if (!row?.contact_sealed) throw new BadRequestException('The person left no contact details, or asked not to be contacted');
      const contact = this.protection.open<{ channel: string; value?: string; safeTimes?: string; canMentionOrganisation: boolean }>(
        row.contact_sealed,
        SEAL_CONTEXT.contact(caseId),
      );
      await this.timeline(manager, caseId, staff, { kind: 'contact_revealed', data: { reason } });
      // The reason is recorded; the details themselves never go into the audit log.
      await recordAudit(manager, { actorId: staff.id, action: 'case.contact_revealed', caseId, after: { reason } }, this.protection);
      return {
        channel: contact.channel,
        value: contact.value ?? null,
        safeTimes: contact.safeTimes ?? null,
        canMentionOrganisation: contact.canMentionOrganisation,
      };
    });
  }

  /** Reading the audit trail is itself recorded (after the rows are read, so it is not in them). */
  async auditTrail(staff: StaffPrincipal, caseId: string): Promise<AuditEntry[]> {
    const rows = await caseRecordRepository.auditTrail(this.dataSource, caseId);
    if (!rows.length) await loadCaseState(this.dataSource.manager, caseId, false);
    await recordAudit(this.dataSource.manager, { actorId: staff.id, action: 'case.audit_read', caseId });
    return rows.map((row) => {
      // Staff-typed free text (a reveal's reason, a hold's) is sealed at rest; the trail shows it opened.
      const payload = row.payload_sealed ? openAuditPayload(this.protection, String(row.id), row.payload_sealed) : { before: row.before, after: row.after };
      return {
        id: String(row.id),
        at: new Date(row.at).toISOString(),
        actor: row.actor_id ? { id: row.actor_id, displayName: row.actor_name ?? '' } : null,
        action: row.action,
        before: payload.before,
        after: payload.after,
      };
    });
  }

  /** The case page for a caller, with the read on the audit trail. */
  private async audited(manager: EntityManager, staff: StaffPrincipal, caseId: string): Promise<CaseDetail> {
    await recordAudit(manager, { actorId: staff.id, action: 'case.read', caseId });
    return readCaseDetail(manager, caseId, staff, this.protection);
  }

  private statusAfterAssign(state: CaseState) {
    return state.status === 'new' ? 'in_progress' : state.status;
  }

  private async setAssignee(manager: EntityManager, state: CaseState, assigneeId: string): Promise<void> {
    // Taking responsibility is the first response the SLA measures.
    await supportCaseRepository.setAssignee(manager, state.id, assigneeId, this.statusAfterAssign(state));
  }

  /** A timeline entry by `staff`, or by the system when null. */
  /** Writes a timeline entry; its free text (the override's reason) sealed into `case_event.sealed`, never left in `data`. */
  private async timeline(manager: EntityManager, caseId: string, staff: StaffPrincipal | null, event: TimelineEvent): Promise<void> {
    await caseEventRepository.insert(manager, {
      caseId,
      actorKind: staff ? 'staff' : 'system',
      actorId: staff?.id ?? null,
      ...sealTimelineEvent(this.protection, caseId, event),
    });
  }
}

const FACT_KEYS = ['ageBand', 'contentMadeUnder18', 'selfHarm', 'immediateDanger', 'deadlineAt', 'contentPosted', 'stillInContact', 'paid'] as const;

/** Two moments compared as instants (one side may be a Date, the other the same time as text or null). */
function sameInstant(a: unknown, b: unknown): boolean {
  return (a === null && b === null) || (a !== null && b !== null && instant(a) === instant(b));
}

function instant(value: unknown): number {
  return value instanceof Date || typeof value === 'string' || typeof value === 'number' ? new Date(value).getTime() : Number.NaN;
}

function pick<T extends object>(value: T, keys: ReadonlyArray<keyof T>): Partial<T> {
  const picked: Partial<T> = {};
  for (const key of keys) picked[key] = value[key];
  return picked;
}
