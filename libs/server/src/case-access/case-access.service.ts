import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { InjectDataSource } from '@nestjs/typeorm';
import { CASE_STATUS_FOR_PUBLIC, CaseAccessView } from '@sg/contracts';
import { ActionPlanStep, ActionPlanStepKey, CaseFacts, ContactChannel, contactChoiceOf, describeResponseTarget, FIRST_RESPONSE_TARGET_MINUTES, Priority, selectResources } from '@sg/domain';
import { DataSource, EntityManager } from 'typeorm';
import { caseEventRepository } from '../cases/case-event.repository';
import { CASE_ROW_LOCK } from '../cases/case-detail.reader';
import { notifyCaseChange } from '../cases/case-notifier';
import { reconcileCasePlan } from '../cases/case-plan';
import { FollowUpScheduler } from '../follow-ups/follow-up-scheduler.service';
import { retriage } from '../cases/retriage';
import { CaseStatus } from '../cases/case-status';
import { insertContentUrls, insertPlatforms } from '../intake/intake.service';
import { ResourceDirectory } from '../resources/resource-directory.service';
import { DataProtection } from '../security/data-protection';

/** Same answer for an unknown reference and a wrong code: a guess learns nothing. */
const NOT_FOUND = 'We could not find a case with that reference and access code.';

interface CaseRow extends CaseFacts {
  id: string;
  reference: string;
  accessCodeHash: string;
  status: CaseStatus;
  priority: Priority;
  triagePriority: Priority;
  priorityOverride: Priority | null;
  firstResponseDueAt: Date;
  firstRespondedAt: Date | null;
  contactChannel: ContactChannel;
  consentContact: boolean;
  contactDeclined: boolean;
  assigneeId: string | null;
  createdAt: Date;
}

export interface CaseAddition {
  note?: string;
  deadlineAt?: string | null;
  contentPosted?: CaseFacts['contentPosted'];
  platforms?: Array<{ platform: string; offenderHandle?: string; profileUrl?: string }>;
  contentUrls?: string[];
}

const CASE_COLUMNS = `
  id, reference, access_code_hash AS "accessCodeHash", status, priority, triage_priority AS "triagePriority",
  priority_override AS "priorityOverride", first_response_due_at AS "firstResponseDueAt",
  first_responded_at AS "firstRespondedAt", submitted_by AS "submittedBy", age_band AS "ageBand",
  content_made_under_18 AS "contentMadeUnder18", country, self_harm AS "selfHarm", immediate_danger AS "immediateDanger",
  deadline_at AS "deadlineAt", demands, content_posted AS "contentPosted", still_in_contact AS "stillInContact", paid,
  contact_channel AS "contactChannel", consent_contact AS "consentContact", contact_declined AS "contactDeclined", assignee_id AS "assigneeId", created_at AS "createdAt"`;

/**
 * The person's own way back to their case with the reference and access code: see progress,
 * tick plan steps, add what they have learned. Never shows staff notes or who is working on it.
 */
@Injectable()
export class CaseAccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: ResourceDirectory,
    private readonly protection: DataProtection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly followUps: FollowUpScheduler,
  ) {}

  async view(reference: string, accessCode: string): Promise<CaseAccessView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.open(manager, reference, accessCode, false);
      await this.record(manager, row.id, 'person_viewed_case', {});
      return this.render(manager, row);
    });
  }

  async setPlanStep(reference: string, accessCode: string, key: ActionPlanStepKey, done: boolean): Promise<CaseAccessView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.open(manager, reference, accessCode, true);
      const updated = await manager.query(
        `UPDATE case_plan_step SET done = $3, done_at = CASE WHEN $3 THEN now() ELSE NULL END
          WHERE case_id = $1 AND key = $2 AND done IS DISTINCT FROM $3 RETURNING key, title`,
        [row.id, key, done],
      );
      const [changed, affected] = updated as [Array<{ key: string; title: string }>, number];
      // The title too, so the staff timeline reads as a sentence, not a key.
      if (affected !== 0) await this.record(manager, row.id, done ? 'plan_step_done' : 'plan_step_reopened', { key, title: changed[0]?.title });
      return this.render(manager, row);
    });
  }

  async add(reference: string, accessCode: string, addition: CaseAddition): Promise<CaseAccessView> {
    return this.followUps.transaction(this.dataSource, async (manager, replan, prompt) => {
      const row = await this.open(manager, reference, accessCode, true);
      const summary: string[] = [];
      if (addition.platforms?.length) {
        await insertPlatforms(manager, row.id, addition.platforms);
        summary.push(`Added ${addition.platforms.length} account${addition.platforms.length === 1 ? '' : 's'}`);
      }
      if (addition.contentUrls?.length) {
        await insertContentUrls(manager, row.id, addition.contentUrls);
        summary.push(`Added ${addition.contentUrls.length} link${addition.contentUrls.length === 1 ? '' : 's'}`);
      }
      const facts: CaseFacts = { ...row };
      if (addition.deadlineAt !== undefined) {
        facts.deadlineAt = addition.deadlineAt ? new Date(addition.deadlineAt) : null;
        summary.push(addition.deadlineAt ? 'Updated the deadline' : 'Removed the deadline');
      }
      if (addition.contentPosted !== undefined && addition.contentPosted !== row.contentPosted) {
        facts.contentPosted = addition.contentPosted;
        summary.push(addition.contentPosted === 'yes' ? 'Said content has been posted' : 'Updated whether content is posted');
      }
      if (addition.note) summary.push('Added a note');

      const now = new Date();
      const next = retriage(facts, row, now, this.config.followUpTimeScale);
      await manager.query(
        `UPDATE support_case SET deadline_at = $2, content_posted = $3, triage_priority = $4, triage_factors = $5,
                triaged_at = $6, priority = $7, priority_rank = $8, first_response_due_at = $9,
                version = version + 1, updated_at = $6
          WHERE id = $1`,
        [row.id, facts.deadlineAt, facts.contentPosted, next.triagePriority, JSON.stringify(next.factors), now, next.priority, next.priorityRank, next.firstResponseDueAt],
      );
      const added = await this.record(manager, row.id, 'person_added_information', { summary: summary.join('; '), note: addition.note ?? null });
      // Whoever holds the case (or, with nobody holding it, the supervisors) hears of it at once.
      await prompt(row.id, 'person_update', `person_update:${added}`);
      if (next.changed) {
        await this.record(manager, row.id, 'case_retriaged', {
          from: row.triagePriority,
          to: next.triagePriority,
          factors: next.factors.map((factor) => factor.key),
          reason: 'The person added information',
        }, 'system');
      }
      // Posted content brings its removal forward; their ticks are kept.
      await reconcileCasePlan(manager, row.id, facts);
      // Always: an open case page shows the addition at once, whether or not the priority moved.
      await notifyCaseChange(manager, 'case.updated', { id: row.id, reference: row.reference, priority: next.priority, status: row.status, assigneeId: row.assigneeId });
      // A new deadline moves the reminder; a higher priority adds wellbeing checks.
      await replan(row.id);
      return this.render(manager, { ...row, ...facts, priority: next.priority });
    });
  }

  /** Finds the case and checks the code; `lock` takes the row for an update. */
  private async open(manager: EntityManager, reference: string, accessCode: string, lock: boolean): Promise<CaseRow> {
    const [row] = await manager.query(`SELECT ${CASE_COLUMNS} FROM support_case WHERE reference = $1 ${lock ? CASE_ROW_LOCK : ''}`, [reference]);
    if (!row || !this.protection.accessCodeMatches(reference, accessCode, row.accessCodeHash)) throw new NotFoundException(NOT_FOUND);
    return row;
  }

  /** Writes a timeline entry; answers its id. */
  private async record(manager: EntityManager, caseId: string, kind: string, data: Record<string, unknown>, actor: 'person' | 'system' = 'person'): Promise<string> {
    return caseEventRepository.insert(manager, { caseId, actorKind: actor, kind, data });
  }

  private async render(manager: EntityManager, row: CaseRow): Promise<CaseAccessView> {
    const steps: ActionPlanStep[] = await manager.query(
      `SELECT key, title, detail, done FROM case_plan_step WHERE case_id = $1 ORDER BY position`,
      [row.id],
    );
    const additions: Array<{ at: Date; summary: string }> = await manager.query(
      `SELECT at, data->>'summary' AS summary FROM case_event
        WHERE case_id = $1 AND kind = 'person_added_information' ORDER BY at DESC, id DESC LIMIT 50`,
      [row.id],
    );
    const wantsContact = row.contactChannel !== 'none' && row.consentContact;
    return {
      reference: row.reference,
      createdAt: new Date(row.createdAt).toISOString(),
      status: CASE_STATUS_FOR_PUBLIC[row.status],
      actionPlan: steps,
      resources: selectResources(await this.directory.activeEntries(), row),
      firstResponseWithin: wantsContact && !row.firstRespondedAt ? describeResponseTarget(FIRST_RESPONSE_TARGET_MINUTES[row.priority]) : null,
      contact: contactChoiceOf(row.contactChannel, row.consentContact, row.contactDeclined),
      country: row.country,
      additions: additions.map((addition) => ({ at: new Date(addition.at).toISOString(), summary: addition.summary })),
    };
  }
}
