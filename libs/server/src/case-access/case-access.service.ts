import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseAccessView } from '@sg/contracts';
import { ActionPlanStepKey, CaseFacts, contactChoiceOf, FIRST_RESPONSE_TARGET_MINUTES, Language, replyExpectation, TimelineEvent } from '@sg/domain';
import { DataSource, EntityManager } from 'typeorm';
import { caseEventRepository } from '../case-core/case-event.repository';
import { notifyCaseChange } from '../case-core/case-notifier';
import { reconcileCasePlan } from '../cases/case-plan';
import { caseRecordRepository } from '../cases/case-record.repository';
import { PersonCaseRow, supportCaseRepository } from '../case-core/support-case.repository';
import { CaseFollowUps } from '../case-core/case-follow-ups';
import { retriage } from '../case-core/retriage';
import { ResourceDirectory } from '../resources/resource-directory.service';
import { DataProtection } from '../security/data-protection';
import { sealTimelineEvent } from '../cases/case-free-text';
import { syncCaseIdentifiers } from '../identifiers/case-identifiers';
import { caseLinkRepository } from '../case-links/case-link.repository';
import { loadResponseTargetPolicy } from '../organisation/response-target-policy';
import { CASE_NOT_FOUND } from '../conversation/person-session.service';
import { additionParts, additionPartsFromSummary, caseStatusWords, englishAdditionSummary, responseTargetWords } from './person-words';
import { caseByAccessCode } from '../cases/case-by-access-code';
import { retryTransient } from '../database/transient-conflict';

export interface CaseAddition {
  note?: string;
  deadlineAt?: string | null;
  contentPosted?: CaseFacts['contentPosted'];
  platforms?: Array<{ platform: string; offenderHandle?: string; profileUrl?: string }>;
  contentUrls?: string[];
}

/**
 * How the person names their case: the reference and access code, or (once a page has opened it)
 * the case of their live conversation session (conversation/person-session.service.ts), so the
 * page need not keep the code.
 */
export type PersonCaseKey = { reference: string; accessCode: string } | { caseId: string };

/** The person's home case moved (a merge or unmerge committed) while a change was opening it: the change begins again. */
class HomeMovedWhileOpening extends Error {
  constructor() {
    super("The person's case was merged or unmerged while a change was opening it");
  }
}

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
    private readonly followUps: CaseFollowUps,
  ) {}

  async view(key: PersonCaseKey): Promise<CaseAccessView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.open(manager, key, false);
      await this.record(manager, row.id, { kind: 'person_viewed_case', data: {} });
      return this.render(manager, row);
    });
  }

  async setPlanStep(caseKey: PersonCaseKey, key: ActionPlanStepKey, done: boolean): Promise<CaseAccessView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.open(manager, caseKey, true);
      // Nothing written when the step already was that way (a double click).
      const changed = await caseRecordRepository.setPlanStepDoneIfChanged(manager, row.id, key, done);
      // The title too, so the staff timeline reads as a sentence, not a key.
      if (changed) await this.record(manager, row.id, { kind: done ? 'plan_step_done' : 'plan_step_reopened', data: { key, title: changed.title } });
      return this.render(manager, row);
    });
  }

  async add(caseKey: PersonCaseKey, addition: CaseAddition): Promise<CaseAccessView> {
    // A merge or unmerge that moved the person's home while it was being opened: begin again (nothing written yet).
    return retryTransient(
      () => this.addOnce(caseKey, addition),
      5,
      (error) => error instanceof HomeMovedWhileOpening,
    );
  }

  private async addOnce(caseKey: PersonCaseKey, addition: CaseAddition): Promise<CaseAccessView> {
    return this.followUps.transaction(this.dataSource, async (manager, replan, prompt) => {
      const { own, row } = await this.openForChange(manager, caseKey);
      // Added by the person of a duplicate merged into `row`: marked as theirs (case-links/).
      const origin = own.id === row.id ? null : own.id;
      // What changed, worked out before anything is written (the content answer is compared with the stored one).
      const parts = additionParts(addition, row.contentPosted);
      if (addition.platforms?.length) {
        await caseRecordRepository.insertPlatforms(manager, row.id, addition.platforms, origin);
        await syncCaseIdentifiers(manager, row.id);
      }
      if (addition.contentUrls?.length) await caseRecordRepository.insertContentUrls(manager, row.id, addition.contentUrls, origin);
      const facts: CaseFacts = { ...row };
      if (addition.deadlineAt !== undefined) facts.deadlineAt = addition.deadlineAt ? new Date(addition.deadlineAt) : null;
      if (addition.contentPosted !== undefined && addition.contentPosted !== row.contentPosted) facts.contentPosted = addition.contentPosted;

      const now = new Date();
      const next = retriage(facts, row, now, await loadResponseTargetPolicy(manager, this.config));
      await supportCaseRepository.applyPersonFacts(manager, row.id, {
        deadlineAt: facts.deadlineAt,
        contentPosted: facts.contentPosted,
        triagePriority: next.triagePriority,
        factors: next.factors,
        at: now,
        priority: next.priority,
        priorityRank: next.priorityRank,
        firstResponseDueAt: next.firstResponseDueAt,
      });
      const addedEvent = { kind: 'person_added_information', data: { summary: englishAdditionSummary(parts), note: addition.note ?? null } } as const;
      const added = await this.record(manager, row.id, addedEvent);
      // Their own page lists what they added from their own case's timeline.
      if (origin) await this.record(manager, own.id, addedEvent);
      // Whoever holds the case (or, with nobody holding it, the supervisors) hears of it at once.
      await prompt(row.id, 'person_update', `person_update:${added}`);
      if (next.changed) {
        await this.record(
          manager,
          row.id,
          {
            kind: 'case_retriaged',
            data: {
              from: row.triagePriority,
              to: next.triagePriority,
              factors: next.factors.map((factor) => factor.key),
              reason: 'The person added information',
            },
          },
          'system',
        );
      }
      // Posted content brings its removal forward; their ticks are kept.
      await reconcileCasePlan(manager, row.id, facts);
      // Always: an open case page shows the addition at once, whether or not the priority moved.
      await notifyCaseChange(manager, 'case.updated', {
        id: row.id,
        reference: row.reference,
        priority: next.priority,
        status: row.status,
        assigneeId: row.assigneeId,
      });
      // A new deadline moves the reminder; a higher priority adds wellbeing checks.
      await replan(row.id);
      return origin ? this.render(manager, own) : this.render(manager, { ...row, ...facts, priority: next.priority });
    });
  }

  /** The person switched language on their page: their nudges follow. Not on the timeline: it tells staff nothing about the case. */
  async setLanguage(key: PersonCaseKey, language: Language): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.open(manager, key, true);
      if (row.language !== language) await supportCaseRepository.setLanguage(manager, row.id, language);
    });
  }

  /**
   * For a change: the person's own case and the case their records live in (the same, or the
   * original theirs was merged into), both rows held. Both are taken in id order, as a merge does.
   * Once the own row is held nothing can move the home; if it moved between the first read and
   * the lock (a merge or unmerge committed meanwhile), the rows held are the wrong ones, and taking
   * the right one now could be out of order: HomeMovedWhileOpening, and `add` begins again.
   */
  private async openForChange(manager: EntityManager, key: PersonCaseKey): Promise<{ own: PersonCaseRow; row: PersonCaseRow }> {
    const own = await this.open(manager, key, false);
    if (!own.mergedInto) {
      const row = await supportCaseRepository.personCaseById(manager, own.id, true);
      if (!row) throw new NotFoundException(CASE_NOT_FOUND);
      if (row.mergedInto) throw new HomeMovedWhileOpening();
      return { own: row, row };
    }
    const held = await caseLinkRepository.lockInOrder(manager, [own.id, own.mergedInto]);
    const homeId = held.get(own.id)?.mergedInto ?? own.id;
    if (!held.has(homeId)) throw new HomeMovedWhileOpening();
    const row = await supportCaseRepository.personCaseById(manager, homeId, false);
    if (!row) throw new NotFoundException(CASE_NOT_FOUND);
    return { own, row };
  }

  /** Finds the case and checks the code (a session was checked by its guard); `lock` takes the row for an update. */
  private async open(manager: EntityManager, key: PersonCaseKey, lock: boolean): Promise<PersonCaseRow> {
    if ('caseId' in key) {
      const row = await supportCaseRepository.personCaseById(manager, key.caseId, lock);
      if (!row) throw new NotFoundException(CASE_NOT_FOUND);
      return row;
    }
    const row = await caseByAccessCode(manager, this.protection, key.reference, key.accessCode, lock);
    if (!row) throw new NotFoundException(CASE_NOT_FOUND);
    return row;
  }

  /** Writes a timeline entry; answers its id. */
  private async record(manager: EntityManager, caseId: string, event: TimelineEvent, actor: 'person' | 'system' = 'person'): Promise<string> {
    // The person's own words (their note) are sealed to the case, never kept in the entry's data.
    return caseEventRepository.insert(manager, { caseId, actorKind: actor, ...sealTimelineEvent(this.protection, caseId, event) });
  }

  private async render(manager: EntityManager, own: PersonCaseRow): Promise<CaseAccessView> {
    const steps = await caseRecordRepository.planSteps(manager, own.id);
    const additions = await caseEventRepository.personAdditions(manager, own.id);
    // A merged duplicate is worked as part of its original: the person sees that case's progress, their own plan and additions.
    const home = own.mergedInto ? await supportCaseRepository.personCaseById(manager, own.mergedInto, false) : null;
    const row = home
      ? { ...own, status: home.status, priority: home.priority, firstResponseDueAt: home.firstResponseDueAt, firstRespondedAt: home.firstRespondedAt }
      : own;
    const wantsContact = row.contactChannel !== 'none' && row.consentContact;
    return {
      reference: row.reference,
      createdAt: new Date(row.createdAt).toISOString(),
      language: row.language,
      status: caseStatusWords(row.status),
      actionPlan: steps,
      resources: await this.directory.matchFor(row),
      firstResponseWithin: wantsContact && !row.firstRespondedAt ? responseTargetWords(FIRST_RESPONSE_TARGET_MINUTES[row.priority]) : null,
      reply: replyExpectation(
        await loadResponseTargetPolicy(manager, this.config),
        new Date(),
        new Date(row.firstResponseDueAt),
        row.firstRespondedAt ? new Date(row.firstRespondedAt) : null,
      ),
      contact: contactChoiceOf(row.contactChannel, row.consentContact, row.contactDeclined),
      country: row.country,
      // One line per thing added (the stored English line read back into keys), newest addition first.
      additions: additions.flatMap((addition) =>
        additionPartsFromSummary(addition.summary).map((summary) => ({ at: new Date(addition.at).toISOString(), summary })),
      ),
    };
  }
}
