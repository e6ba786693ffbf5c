import { HttpException, HttpStatus, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { InjectDataSource } from '@nestjs/typeorm';
import { IntakeResponse, ParsedIntakeRequest } from '@sg/contracts';
import {
  buildActionPlan,
  CaseFacts,
  FIRST_RESPONSE_TARGET_MINUTES,
  replyExpectation,
  priorityRank,
  triage,
  contactChoiceOf,
  TimelineEventData,
  isRecord,
  found,
} from '@sg/domain';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { StaffPrincipal } from '../auth/staff-principal';
import { loadResponseTargetPolicy } from '../organisation/response-target-policy';
import { announceLive } from '../case-core/case-notifier';
import { validationError } from '../http/zod-validation.pipe';
import { ResourceDirectory } from '../resources/resource-directory.service';
import { newAccessCode, newCaseReference } from '../security/codes';
import { DataProtection } from '../security/data-protection';
import { SEAL_CONTEXT } from '../security/seal-contexts';
import { IDEMPOTENCY_REPLAY_HOURS } from '../system/retention';
import { intakeRepository } from './intake.repository';
import { stableHash } from './stable-hash';
import { responseTargetFromEnglish, responseTargetWords } from '../case-access/person-words';
import { retryTransient } from '../database/transient-conflict';

const IDEMPOTENCY_SCOPE = 'intake';
const UNIQUE_VIOLATION = '23505';

/** Two cases drew the same random reference: the write is tried again with a new one. */
const isReferenceClash = (error: unknown): boolean =>
  isRecord(error) && error['code'] === UNIQUE_VIOLATION && error['constraint'] === 'support_case_reference_key';

export interface IntakeOutcome {
  response: IntakeResponse;
  caseId: string;
  /** True when this was a replay of an earlier submission with the same Idempotency-Key. */
  replayed: boolean;
}

export function caseFactsFrom(intake: ParsedIntakeRequest): CaseFacts {
  return {
    submittedBy: intake.submittedBy,
    ageBand: intake.ageBand,
    contentMadeUnder18: intake.contentMadeUnder18,
    country: intake.country,
    selfHarm: intake.selfHarm,
    immediateDanger: intake.immediateDanger,
    deadlineAt: intake.deadlineAt ? new Date(intake.deadlineAt) : null,
    demands: intake.demands,
    contentPosted: intake.contentPosted,
    stillInContact: intake.stillInContact,
    paid: intake.paid,
  };
}

/**
 * Turns an intake into a case: triage, action plan and resources computed from the facts, then
 * the whole case written in one transaction (all of it or none of it), remembered under its
 * Idempotency-Key for IDEMPOTENCY_REPLAY_HOURS so a retried submission returns the same case.
 */
@Injectable()
export class IntakeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: ResourceDirectory,
    private readonly protection: DataProtection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async submit(intake: ParsedIntakeRequest, staff: StaffPrincipal | undefined, idempotencyKey: string | undefined): Promise<IntakeOutcome> {
    this.checkWhoMaySubmit(intake, staff);
    const requestHash = stableHash(intake);
    // The write is one statement, so a failed one left nothing behind and is simply tried again: a
    // reference is random and may clash; the cluster triggers' identifier locks may deadlock with a
    // staff change to a case holding the same identifiers, and PostgreSQL then aborts one of the two.
    return retryTransient(() => this.write(intake, staff, idempotencyKey, requestHash), 5, isReferenceClash);
  }

  private checkWhoMaySubmit(intake: ParsedIntakeRequest, staff: StaffPrincipal | undefined): void {
    if (staff) return;
    // A transcript is what staff noted on a call or chat; the person's own words go in the narrative.
    if (intake.transcript !== undefined)
      throw validationError([{ path: 'transcript', message: 'is for intakes recorded by staff (call notes or a chat); write in "narrative" instead' }]);
    if (intake.submittedBy === 'staff') {
      throw new UnauthorizedException('Intakes recorded by staff need a staff sign-in');
    }
    if (intake.channel !== 'web') {
      throw validationError([{ path: 'channel', message: 'must be "web" for a public submission; phone, chat and email intakes are recorded by staff' }]);
    }
  }

  /**
   * The whole case is one SQL statement (intakeRepository.writeCase): the idempotency claim, the
   * case, its platforms, links, plan and first timeline entry, all of it or none of it. If another
   * submission already claimed the key, nothing is written and the original response is replayed instead.
   */
  private async write(
    intake: ParsedIntakeRequest,
    staff: StaffPrincipal | undefined,
    idempotencyKey: string | undefined,
    requestHash: string,
  ): Promise<IntakeOutcome> {
    const now = new Date();
    const facts = caseFactsFrom(intake);
    const policy = await loadResponseTargetPolicy(this.dataSource.manager, this.config);
    const result = triage(facts, now, { policy });
    const actionPlan = buildActionPlan(facts);
    const resources = await this.directory.matchFor(facts);
    const wantsContact = intake.contact.channel !== 'none' && intake.consent.contactMe;
    const declined = intake.contact.channel === 'none' && intake.contact.declined === true;
    const response: IntakeResponse = {
      reference: newCaseReference(),
      accessCode: newAccessCode(),
      actionPlan,
      resources,
      firstResponseWithin: wantsContact ? responseTargetWords(FIRST_RESPONSE_TARGET_MINUTES[result.priority]) : null,
      contact: contactChoiceOf(intake.contact.channel, intake.consent.contactMe, declined),
      country: intake.country,
      reply: replyExpectation(policy, now, result.firstResponseDueAt, null),
    };
    const caseId = randomUUID();
    // Contact details are kept only when the person agreed to be contacted: what we do not need, we do not hold.
    const contact = wantsContact ? intake.contact : null;
    const event: TimelineEventData<'case_created'> = {
      channel: intake.channel,
      submittedBy: intake.submittedBy,
      priority: result.priority,
      factors: result.factors.map((f) => f.key),
    };

    const row = await intakeRepository.writeCase(this.dataSource, {
      id: caseId,
      reference: response.reference,
      accessCodeHash: this.protection.hashAccessCode(response.reference, response.accessCode),
      priority: result.priority,
      priorityRank: priorityRank(result.priority),
      triageFactors: result.factors,
      at: now,
      firstResponseDueAt: result.firstResponseDueAt,
      submittedBy: intake.submittedBy,
      channel: intake.channel,
      alias: intake.alias ?? null,
      ageBand: intake.ageBand,
      contentMadeUnder18: intake.contentMadeUnder18,
      country: intake.country,
      selfHarm: intake.selfHarm,
      immediateDanger: intake.immediateDanger,
      deadlineAt: facts.deadlineAt,
      demands: intake.demands,
      contentPosted: intake.contentPosted,
      stillInContact: intake.stillInContact,
      paid: intake.paid,
      narrativeSealed: typeof intake.narrative === 'string' ? this.protection.seal(intake.narrative, SEAL_CONTEXT.narrative(caseId)) : null,
      contactChannel: intake.contact.channel,
      contactSealed: contact ? this.protection.seal(contact, SEAL_CONTEXT.contact(caseId)) : null,
      consentContact: intake.consent.contactMe,
      contactDeclined: declined,
      personTimeZone: intake.timeZone ?? null,
      language: intake.language,
      transcriptSealed: intake.transcript ? this.protection.seal(intake.transcript, SEAL_CONTEXT.transcript(caseId)) : null,
      createdBy: staff?.id ?? null,
      platforms: intake.platforms,
      contentUrls: intake.contentUrls,
      plan: actionPlan,
      created: { actorKind: staff ? 'staff' : 'person', data: event },
      idempotency: {
        scope: IDEMPOTENCY_SCOPE,
        key: idempotencyKey ?? null,
        requestHash,
        responseSealed: idempotencyKey ? this.protection.seal(response, SEAL_CONTEXT.idempotency(IDEMPOTENCY_SCOPE, idempotencyKey)) : null,
        replayHours: IDEMPOTENCY_REPLAY_HOURS,
      },
    });
    if (row.created === 1) {
      // The live queues learn of it once it is committed (the statement above has).
      await announceLive(this.dataSource.manager, {
        type: 'case.created',
        caseId,
        reference: response.reference,
        priority: result.priority,
        status: 'new',
        assigneeId: null,
        at: now.toISOString(),
      });
      return { response, caseId, replayed: false };
    }
    // Another submission holds this key (it has committed: ON CONFLICT waited for it).
    return this.replay(found(idempotencyKey, 'the idempotency key another submission holds'), requestHash);
  }

  private async replay(key: string, requestHash: string): Promise<IntakeOutcome> {
    const record = await intakeRepository.replayable(this.dataSource, IDEMPOTENCY_SCOPE, key, IDEMPOTENCY_REPLAY_HOURS);
    if (!record || record.request_hash !== requestHash) {
      throw new HttpException(
        {
          statusCode: 422,
          error: 'Unprocessable Entity',
          message: 'This Idempotency-Key was already used for a different submission. Use a new key for a new submission.',
        },
        HttpStatus.UNPROCESSABLE_ENTITY,
      );
    }
    const response = this.protection.open<IntakeResponse>(record.response_sealed, SEAL_CONTEXT.idempotency(IDEMPOTENCY_SCOPE, key));
    // Remembered before the first response was a key: the same answer, as a key.
    const within: unknown = response.firstResponseWithin;
    if (typeof within === 'string') response.firstResponseWithin = responseTargetFromEnglish(within);
    return { response, caseId: record.case_id, replayed: true };
  }
}
