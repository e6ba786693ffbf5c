import { HttpException, HttpStatus, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseChangeEvent, IntakeResponse, ParsedIntakeRequest } from '@sg/contracts';
import {
  buildActionPlan,
  CaseFacts,
  describeResponseTarget,
  FIRST_RESPONSE_TARGET_MINUTES,
  priorityRank,
  selectResources,
  triage,
  contactChoiceOf,
} from '@sg/domain';
import { randomUUID } from 'node:crypto';
import { runPrepared } from '../database/prepared-statement';
import { DataSource, EntityManager } from 'typeorm';
import { StaffPrincipal } from '../auth/staff-principal';
import { CASE_CHANGES_CHANNEL } from '../cases/case-notifier';
import { validationError } from '../http/zod-validation.pipe';
import { ResourceDirectory } from '../resources/resource-directory.service';
import { newAccessCode, newCaseReference } from '../security/codes';
import { DataProtection } from '../security/data-protection';
import { IDEMPOTENCY_REPLAY_HOURS } from '../system/retention';
import { stableHash } from './stable-hash';

const IDEMPOTENCY_SCOPE = 'intake';
const UNIQUE_VIOLATION = '23505';

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
    // A reference is random; on the rare clash the write is simply tried again with a new one.
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.write(intake, staff, idempotencyKey, requestHash);
      } catch (error) {
        const { code, constraint } = error as { code?: string; constraint?: string };
        if (code !== UNIQUE_VIOLATION || constraint !== 'support_case_reference_key' || attempt >= 5) throw error;
      }
    }
  }

  private checkWhoMaySubmit(intake: ParsedIntakeRequest, staff: StaffPrincipal | undefined): void {
    if (staff) return;
    if (intake.submittedBy === 'staff') {
      throw new UnauthorizedException('Intakes recorded by staff need a staff sign-in');
    }
    if (intake.channel !== 'web') {
      throw validationError([{ path: 'channel', message: 'must be "web" for a public submission; phone, chat and email intakes are recorded by staff' }]);
    }
  }

  /**
   * The whole case is one SQL statement: the idempotency claim, the case, its platforms, links,
   * plan and first timeline entry, written by data-modifying CTEs. One statement is atomic (all
   * of it or none of it) and costs one round trip and one commit, which is what lets intake keep
   * up under load. If another submission already claimed the key, nothing is written and the
   * original response is replayed instead.
   */
  private async write(
    intake: ParsedIntakeRequest,
    staff: StaffPrincipal | undefined,
    idempotencyKey: string | undefined,
    requestHash: string,
  ): Promise<IntakeOutcome> {
    const now = new Date();
    const facts = caseFactsFrom(intake);
    const result = triage(facts, now, { timeScale: this.config.followUpTimeScale });
    const actionPlan = buildActionPlan(facts);
    const resources = selectResources(await this.directory.activeEntries(), facts);
    const wantsContact = intake.contact.channel !== 'none' && intake.consent.contactMe;
    const declined = intake.contact.channel === 'none' && intake.contact.declined === true;
    const response: IntakeResponse = {
      reference: newCaseReference(),
      accessCode: newAccessCode(),
      actionPlan,
      resources,
      firstResponseWithin: wantsContact ? describeResponseTarget(FIRST_RESPONSE_TARGET_MINUTES[result.priority]) : null,
      contact: contactChoiceOf(intake.contact.channel, intake.consent.contactMe, declined),
      country: intake.country,
    };
    const caseId = randomUUID();
    // Contact details are kept only when the person agreed to be contacted: what we do not need, we do not hold.
    const contact = wantsContact ? intake.contact : null;
    const platforms = intake.platforms;
    const event = { channel: intake.channel, submittedBy: intake.submittedBy, priority: result.priority, factors: result.factors.map((f) => f.key) };

    const [row] = await runPrepared<{ created: number }>(
      this.dataSource,
      'write-intake',
      `WITH claim AS (
         -- A key past the replay window counts as new: its answer is gone (or about to be purged),
         -- and someone sending it a day later needs a case and a code that work, not an error.
         INSERT INTO idempotency_record AS held (scope, key, request_hash, response_sealed, case_id)
         SELECT $27, $28::text, $29, $30, $1 WHERE $28::text IS NOT NULL
         ON CONFLICT (scope, key) DO UPDATE
           SET request_hash = EXCLUDED.request_hash, response_sealed = EXCLUDED.response_sealed, case_id = EXCLUDED.case_id, created_at = now()
           WHERE held.created_at < now() - make_interval(hours => $43)
         RETURNING 1
       ), new_case AS (
         INSERT INTO support_case (
           id, reference, access_code_hash, priority, priority_rank, triage_priority, triage_factors, triaged_at,
           first_response_due_at, submitted_by, channel, alias, age_band, content_made_under_18, country, self_harm,
           immediate_danger, deadline_at, demands, content_posted, still_in_contact, paid, narrative,
           contact_channel, contact_sealed, consent_contact, contact_declined, created_by, created_at, updated_at)
         SELECT $1, $2, $3, $4, $5, $4, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
                $23, $24, $25, $44, $26, $7, $7
          WHERE $28::text IS NULL OR EXISTS (SELECT 1 FROM claim)
         RETURNING id
       ), platforms AS (
         INSERT INTO case_platform (case_id, platform, offender_handle, profile_url, added_at)
         SELECT new_case.id, p.platform, p.handle, p.url, $7 FROM new_case, unnest($31::text[], $32::text[], $33::text[]) AS p(platform, handle, url)
       ), links AS (
         INSERT INTO case_content_url (case_id, url, added_at) SELECT new_case.id, u.url, $7 FROM new_case, unnest($34::text[]) AS u(url)
       ), plan AS (
         INSERT INTO case_plan_step (case_id, key, position, title, detail)
         SELECT new_case.id, s.key, s.position, s.title, s.detail
           FROM new_case, unnest($35::text[], $36::smallint[], $37::text[], $38::text[]) AS s(key, position, title, detail)
       ), timeline AS (
         INSERT INTO case_event (case_id, at, actor_kind, actor_id, kind, data)
         SELECT new_case.id, $7, $39, $26, 'case_created', $40 FROM new_case
       ), audited AS (
         -- An intake recorded by staff is a staff change like any other.
         INSERT INTO audit_log (actor_id, action, case_id, after)
         SELECT $26, 'case.created', new_case.id, $40 FROM new_case WHERE $26::uuid IS NOT NULL
       ), announced AS (
         -- Live queues: delivered to listeners only when this statement commits.
         SELECT pg_notify($41, $42) FROM new_case
       )
       SELECT count(*)::int AS created, (SELECT count(*) FROM announced) AS announced FROM new_case`,
      [
        caseId, response.reference, this.protection.hashAccessCode(response.reference, response.accessCode),
        result.priority, priorityRank(result.priority), JSON.stringify(result.factors), now,
        result.firstResponseDueAt, intake.submittedBy, intake.channel, intake.alias ?? null, intake.ageBand,
        intake.contentMadeUnder18, intake.country, intake.selfHarm, intake.immediateDanger, facts.deadlineAt,
        intake.demands, intake.contentPosted, intake.stillInContact, intake.paid, intake.narrative ?? null,
        intake.contact.channel, contact ? this.protection.seal(contact, caseId) : null, intake.consent.contactMe,
        staff?.id ?? null,
        IDEMPOTENCY_SCOPE, idempotencyKey ?? null, requestHash,
        idempotencyKey ? this.protection.seal(response, `${IDEMPOTENCY_SCOPE}:${idempotencyKey}`) : null,
        platforms.map((p) => p.platform), platforms.map((p) => p.offenderHandle ?? null), platforms.map((p) => p.profileUrl ?? null),
        intake.contentUrls,
        actionPlan.map((s) => s.key), actionPlan.map((_, i) => i), actionPlan.map((s) => s.title), actionPlan.map((s) => s.detail),
        staff ? 'staff' : 'person', JSON.stringify(event),
        CASE_CHANGES_CHANNEL,
        JSON.stringify({ type: 'case.created', caseId, reference: response.reference, priority: result.priority, status: 'new', assigneeId: null, at: now.toISOString() } satisfies CaseChangeEvent),
        IDEMPOTENCY_REPLAY_HOURS,
        declined,
      ],
    );
    if (row.created === 1) return { response, caseId, replayed: false };
    // Another submission holds this key (it has committed: ON CONFLICT waited for it).
    return this.replay(idempotencyKey as string, requestHash);
  }

  private async replay(key: string, requestHash: string): Promise<IntakeOutcome> {
    const [record] = await this.dataSource.query(
      `SELECT request_hash, response_sealed, case_id FROM idempotency_record
        WHERE scope = $1 AND key = $2 AND created_at >= now() - make_interval(hours => $3)`,
      [IDEMPOTENCY_SCOPE, key, IDEMPOTENCY_REPLAY_HOURS],
    );
    if (!record || record.request_hash !== requestHash) {
      throw new HttpException(
        { statusCode: 422, error: 'Unprocessable Entity', message: 'This Idempotency-Key was already used for a different submission. Use a new key for a new submission.' },
        HttpStatus.UNPROCESSABLE_ENTITY,
      );
    }
    return { response: this.protection.open<IntakeResponse>(record.response_sealed, `${IDEMPOTENCY_SCOPE}:${key}`), caseId: record.case_id, replayed: true };
  }
}

export async function insertPlatforms(
  manager: EntityManager,
  caseId: string,
  platforms: ReadonlyArray<{ platform: string; offenderHandle?: string; profileUrl?: string }>,
): Promise<void> {
  if (!platforms.length) return;
  await manager.query(
    `INSERT INTO case_platform (case_id, platform, offender_handle, profile_url)
     SELECT $1, platform, handle, url FROM unnest($2::text[], $3::text[], $4::text[]) AS p(platform, handle, url)`,
    [caseId, platforms.map((p) => p.platform), platforms.map((p) => p.offenderHandle ?? null), platforms.map((p) => p.profileUrl ?? null)],
  );
}

export async function insertContentUrls(manager: EntityManager, caseId: string, urls: readonly string[]): Promise<void> {
  if (!urls.length) return;
  await manager.query(`INSERT INTO case_content_url (case_id, url) SELECT $1, unnest($2::text[])`, [caseId, urls]);
}
