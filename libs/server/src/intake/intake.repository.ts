import { ActionPlanStep, CaseFacts, ContactChannel, IntakeChannel, Language, Priority, TimelineEventData, TriageFactor, present } from '@sg/domain';
import { identifiersOfRecords } from '@sg/domain/identifiers';
import { DataSource } from 'typeorm';
import { runPrepared } from '../database/prepared-statement';
import { storedPlanText } from '../cases/case-record.repository';

/** Everything an intake writes: the case with its parts, its first timeline entry, and the idempotency claim. */
export interface NewIntakeCase extends CaseFacts {
  id: string;
  reference: string;
  accessCodeHash: string;
  priority: Priority;
  priorityRank: number;
  triageFactors: TriageFactor[];
  /** Triaged, created and added at. */
  at: Date;
  firstResponseDueAt: Date;
  channel: IntakeChannel;
  alias: string | null;
  /** The person's own words, sealed to the case (SEAL_CONTEXT.narrative); never written in clear. */
  narrativeSealed: Buffer | null;
  contactChannel: ContactChannel;
  /** Sealed contact details; null unless the person agreed to be contacted. */
  contactSealed: Buffer | null;
  consentContact: boolean;
  contactDeclined: boolean;
  /** The person's time zone as their browser said (IANA), for "we will reply by Monday 10:00". */
  personTimeZone: string | null;
  /** The language the person reads (their nudges are in it); staff intakes are English unless given. */
  language: Language;
  /** Staff intakes by phone or chat: the call notes or conversation, sealed like messages. */
  transcriptSealed: Buffer | null;
  /** The member of staff recording the intake; null for the person's own submission. */
  createdBy: string | null;
  platforms: ReadonlyArray<{ platform: string; offenderHandle?: string | null; profileUrl?: string | null }>;
  contentUrls: readonly string[];
  plan: readonly ActionPlanStep[];
  /** The first timeline entry (`case_created`), by staff or by the person. */
  created: { actorKind: 'staff' | 'person'; data: TimelineEventData<'case_created'> };
  /** The submission's Idempotency-Key (null: none sent) and its sealed response, kept for `replayHours`. */
  idempotency: { scope: string; key: string | null; requestHash: string; responseSealed: Buffer | null; replayHours: number };
}

/** A remembered submission, for replaying its response. */
export interface IdempotencyRow {
  request_hash: string;
  response_sealed: Buffer;
  case_id: string;
}

/**
 * Intake's SQL. The write is one hand-written statement on the hot path: the idempotency claim,
 * the case, its platforms, links, plan and first timeline entry, written by data-modifying CTEs,
 * prepared once per connection (runPrepared).
 */
export const intakeRepository = {
  /**
   * Writes the whole case in one statement: atomic (all of it or none of it), one round trip and
   * one commit, which is what lets intake keep up under load. If another submission already
   * claimed the key (within the replay window), nothing is written: `created` is 0.
   */
  async writeCase(dataSource: DataSource, intake: NewIntakeCase): Promise<{ created: number }> {
    const { platforms, plan, idempotency } = intake;
    // The identifier index, in the same statement: "seen in N" is true from the first second.
    const identifiers = identifiersOfRecords({
      country: intake.country,
      platforms: platforms.map((p) => ({ offenderHandle: p.offenderHandle ?? null, profileUrl: p.profileUrl ?? null })),
      evidence: [],
      takedowns: [],
    });
    const [row] = await runPrepared<{ created: number }>(
      dataSource,
      'write-intake',
      `WITH claim AS (
         -- A key past the replay window counts as new: its answer is gone (or about to be purged),
         -- and someone sending it a day later needs a case and a code that work, not an error.
         INSERT INTO idempotency_record AS held (scope, key, request_hash, response_sealed, case_id)
         SELECT $27, $28::text, $29, $30, $1 WHERE $28::text IS NOT NULL
         ON CONFLICT (scope, key) DO UPDATE
           SET request_hash = EXCLUDED.request_hash, response_sealed = EXCLUDED.response_sealed, case_id = EXCLUDED.case_id, created_at = now()
           WHERE held.created_at < now() - make_interval(hours => $41)
         RETURNING 1
       ), new_case AS (
         INSERT INTO support_case (
           id, reference, access_code_hash, priority, priority_rank, triage_priority, triage_factors, triaged_at,
           first_response_due_at, submitted_by, channel, alias, age_band, content_made_under_18, country, self_harm,
           immediate_danger, deadline_at, demands, content_posted, still_in_contact, paid, narrative_sealed,
           contact_channel, contact_sealed, consent_contact, contact_declined, created_by, created_at, updated_at, person_time_zone, language)
         SELECT $1, $2, $3, $4, $5, $4, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
                $23, $24, $25, $42, $26, $7, $7, $43, $45
          WHERE $28::text IS NULL OR EXISTS (SELECT 1 FROM claim)
         RETURNING id
       ), platforms AS (
         INSERT INTO case_platform (case_id, platform, offender_handle, profile_url, added_at)
         SELECT new_case.id, p.platform, p.handle, p.url, $7 FROM new_case, unnest($31::text[], $32::text[], $33::text[]) AS p(platform, handle, url)
       ), identifiers AS (
         INSERT INTO case_identifier (case_id, kind, value, source, added_at)
         SELECT new_case.id, i.kind, i.value, i.source, $7 FROM new_case, unnest($46::text[], $47::text[], $48::text[]) AS i(kind, value, source)
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
       ), transcript AS (
         INSERT INTO case_transcript (case_id, body_sealed, recorded_by, recorded_at)
         SELECT new_case.id, $44, $26, $7 FROM new_case WHERE $44::bytea IS NOT NULL
       )
       SELECT count(*)::int AS created FROM new_case`,
      [
        intake.id,
        intake.reference,
        intake.accessCodeHash,
        intake.priority,
        intake.priorityRank,
        JSON.stringify(intake.triageFactors),
        intake.at,
        intake.firstResponseDueAt,
        intake.submittedBy,
        intake.channel,
        intake.alias,
        intake.ageBand,
        intake.contentMadeUnder18,
        intake.country,
        intake.selfHarm,
        intake.immediateDanger,
        intake.deadlineAt,
        intake.demands,
        intake.contentPosted,
        intake.stillInContact,
        intake.paid,
        intake.narrativeSealed,
        intake.contactChannel,
        intake.contactSealed,
        intake.consentContact,
        intake.createdBy,
        idempotency.scope,
        idempotency.key,
        idempotency.requestHash,
        idempotency.responseSealed,
        platforms.map((p) => p.platform),
        platforms.map((p) => p.offenderHandle ?? null),
        platforms.map((p) => p.profileUrl ?? null),
        intake.contentUrls,
        plan.map((s) => s.key),
        plan.map((_, i) => i),
        plan.map((s) => storedPlanText.write(s.title)),
        plan.map((s) => storedPlanText.write(s.detail)),
        intake.created.actorKind,
        JSON.stringify(intake.created.data),
        idempotency.replayHours,
        intake.contactDeclined,
        intake.personTimeZone,
        intake.transcriptSealed,
        intake.language,
        identifiers.map((i) => i.kind),
        identifiers.map((i) => i.value),
        identifiers.map((i) => i.source),
      ],
    );
    return present(row, 'the intake result');
  },

  /** The submission remembered under `key` within the last `replayHours`, if any, to answer a retry with the same case. */
  async replayable(db: DataSource, scope: string, key: string, replayHours: number): Promise<IdempotencyRow | null> {
    const [record] = await db.query<IdempotencyRow[]>(
      `SELECT request_hash, response_sealed, case_id FROM idempotency_record
        WHERE scope = $1 AND key = $2 AND created_at >= now() - make_interval(hours => $3)`,
      [scope, key, replayHours],
    );
    return record ?? null;
  },
};
