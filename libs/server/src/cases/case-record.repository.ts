import { ActionPlanStep, ActionPlanStepKey, Translatable, present, isRecord } from '@sg/domain';
import { translatorFor } from '@sg/i18n/server';
import { DataSource, EntityManager } from 'typeorm';
import { EvidenceEntry } from '@sg/contracts';

/**
 * A plan step's title and detail are stored as their catalogue key and selectors (JSON in the
 * text columns), so each reader gets them in their own language. Steps stored before that hold
 * English sentences: read back as a "key" that is the sentence itself, which the translators show
 * as it is (a missing key is said as itself) until the plan is next reconciled and reworded.
 */
export const storedPlanText = {
  write: (text: Translatable): string => JSON.stringify(text),
  read(stored: string): Translatable {
    if (stored.startsWith('{')) {
      try {
        const parsed: unknown = JSON.parse(stored);
        if (isTranslatable(parsed)) return parsed;
      } catch {
        // Not ours: an old sentence that happens to start with a brace.
      }
    }
    return { key: stored };
  },
  /** In English, for the staff timeline (its entries are kept as written, as sentences). */
  english: (stored: string): string => translatorFor('en').text(storedPlanText.read(stored)),
};

type StoredStepRow<T> = Omit<T, 'title' | 'detail'> & { title: string; detail: string };
const readStep = <R extends { title: string; detail: string }>(row: R): Omit<R, 'title' | 'detail'> & { title: Translatable; detail: Translatable } => ({
  ...row,
  title: storedPlanText.read(row.title),
  detail: storedPlanText.read(row.detail),
});

/** Stored plan text written by `storedPlanText.write`: an object with a catalogue key. */
function isTranslatable(value: unknown): value is Translatable {
  return isRecord(value) && typeof value['key'] === 'string';
}

/** An app or site involved, as the staff case page lists it. */
export interface CasePlatformRow {
  id: string;
  platform: string;
  offender_handle: string | null;
  profile_url: string | null;
  added_at: Date;
}

/** A link to where content was posted (a link only; never the content). */
export interface CaseContentUrlRow {
  id: string;
  url: string;
  added_at: Date;
}

/** A plan step with when it was ticked, for the staff case page. */
export interface CasePlanStepRow extends ActionPlanStep {
  done_at: Date | null;
}

/** A piece of evidence with the name of who added it. */
export interface CaseEvidenceRow {
  id: string;
  case_id: string;
  kind: EvidenceEntry['kind'];
  platform: string | null;
  offender_handle: string | null;
  profile_url: string | null;
  /** Plain text only on rows written before descriptions were sealed (and not yet sealed by the key job). */
  description: string | null;
  /** Sealed (SEAL_CONTEXT.evidence). */
  description_sealed: Buffer | null;
  payment_reference: string | null;
  seen_at: Date | null;
  sha256: string | null;
  file_name: string | null;
  added_by: string;
  added_at: Date;
  added_by_name: string;
}

/** A caseworker's note with its author's name (internal, never shown to the person). */
export interface CaseNoteRow {
  id: string;
  /** Plain text only on notes written before notes were sealed (and not yet sealed by the key job). */
  body: string | null;
  /** Sealed (SEAL_CONTEXT.note). */
  body_sealed: Buffer | null;
  created_at: Date;
  author_id: string;
  author_name: string;
}

/** A new plan step, as the plan for the case's facts has it. */
export interface NewPlanStep {
  key: ActionPlanStepKey;
  title: Translatable;
  detail: Translatable;
}

/** A platform the person or a caseworker names, with the threatener's account there if known. */
export interface NewCasePlatform {
  platform: string;
  offenderHandle?: string;
  profileUrl?: string;
}

/** Evidence as a caseworker records it, its description already sealed to `id`. */
export interface NewCaseEvidence {
  id: string;
  kind: string;
  platform?: string | null;
  offenderHandle?: string | null;
  profileUrl?: string | null;
  descriptionSealed: Buffer;
  paymentReference?: string | null;
  seenAt?: string | null;
  sha256?: string | null;
  fileName?: string | null;
}

/** An audit row of a case with the name of who did it. */
export interface CaseAuditRow {
  id: string;
  at: Date;
  action: string;
  before: unknown;
  after: unknown;
  /** The whole payload with its free text, sealed (audit/audit-free-text.ts); null when nothing in it was free text. */
  payload_sealed: Buffer | null;
  actor_id: string | null;
  actor_name: string | null;
}

/**
 * The records a case holds besides its own row: platforms, content links, plan steps, evidence,
 * notes, and its audit trail as staff read it. Writes run in the caller's transaction, which
 * holds the case row.
 */
export const caseRecordRepository = {
  /** The apps and sites involved, oldest first. */
  platforms(manager: EntityManager, caseId: string): Promise<CasePlatformRow[]> {
    return manager.query<CasePlatformRow[]>(
      `SELECT id, platform, offender_handle, profile_url, added_at FROM case_platform WHERE case_id = $1 ORDER BY added_at, id`,
      [caseId],
    );
  },

  /** Links to where content was posted, oldest first. */
  contentUrls(manager: EntityManager, caseId: string): Promise<CaseContentUrlRow[]> {
    return manager.query<CaseContentUrlRow[]>(`SELECT id, url, added_at FROM case_content_url WHERE case_id = $1 ORDER BY added_at, id`, [caseId]);
  },

  /** Adds platforms the person or a caseworker named (nothing when none). */
  /** `originCaseId`: added by the person of a duplicate merged into `caseId` (their own, see case-links/). */
  async insertPlatforms(manager: EntityManager, caseId: string, platforms: readonly NewCasePlatform[], originCaseId: string | null = null): Promise<void> {
    if (!platforms.length) return;
    await manager.query(
      `INSERT INTO case_platform (case_id, platform, offender_handle, profile_url, origin_case_id)
     SELECT $1, platform, handle, url, $5 FROM unnest($2::text[], $3::text[], $4::text[]) AS p(platform, handle, url)`,
      [caseId, platforms.map((p) => p.platform), platforms.map((p) => p.offenderHandle ?? null), platforms.map((p) => p.profileUrl ?? null), originCaseId],
    );
  },

  /** Adds links to where content was posted (nothing when none). */
  async insertContentUrls(manager: EntityManager, caseId: string, urls: readonly string[], originCaseId: string | null = null): Promise<void> {
    if (!urls.length) return;
    await manager.query(`INSERT INTO case_content_url (case_id, url, origin_case_id) SELECT $1, unnest($2::text[]), $3`, [caseId, urls, originCaseId]);
  },

  /** The action plan in order, as the person sees it and as plan reconciliation starts from. */
  async planSteps(manager: EntityManager, caseId: string): Promise<ActionPlanStep[]> {
    const rows = await manager.query<Array<StoredStepRow<ActionPlanStep>>>(
      `SELECT key, title, detail, done FROM case_plan_step WHERE case_id = $1 ORDER BY position`,
      [caseId],
    );
    return rows.map((row): ActionPlanStep => readStep(row));
  },

  /** The action plan in order with when each step was done, for the staff case page. */
  async planStepsWithDates(manager: EntityManager, caseId: string): Promise<CasePlanStepRow[]> {
    const rows = await manager.query<Array<StoredStepRow<CasePlanStepRow>>>(
      `SELECT key, title, detail, done, done_at FROM case_plan_step WHERE case_id = $1 ORDER BY position`,
      [caseId],
    );
    return rows.map((row): CasePlanStepRow => readStep(row));
  },

  /** One step of the plan (its title in English for the timeline, whether it is done), or null when the case has no such step. */
  async planStep(manager: EntityManager, caseId: string, key: ActionPlanStepKey): Promise<{ title: string; done: boolean } | null> {
    const [row] = await manager.query<Array<{ title: string; done: boolean }>>(`SELECT title, done FROM case_plan_step WHERE case_id = $1 AND key = $2`, [
      caseId,
      key,
    ]);
    return row ? { title: storedPlanText.english(row.title), done: row.done } : null;
  },

  /** Ticks or unticks a step (a caseworker, who has checked the step exists and changes). */
  async setPlanStepDone(manager: EntityManager, caseId: string, key: ActionPlanStepKey, done: boolean): Promise<void> {
    await manager.query(`UPDATE case_plan_step SET done = $3, done_at = CASE WHEN $3 THEN now() ELSE NULL END WHERE case_id = $1 AND key = $2`, [
      caseId,
      key,
      done,
    ]);
  },

  /**
   * Ticks or unticks a step only if that changes it (the person, whose double click must not write
   * a second timeline entry). Answers the step's title (in English, for the timeline) when it changed, null when nothing did.
   */
  async setPlanStepDoneIfChanged(manager: EntityManager, caseId: string, key: ActionPlanStepKey, done: boolean): Promise<{ title: string } | null> {
    const [changed, affected] = await manager.query<[Array<{ key: string; title: string }>, number]>(
      `UPDATE case_plan_step SET done = $3, done_at = CASE WHEN $3 THEN now() ELSE NULL END
          WHERE case_id = $1 AND key = $2 AND done IS DISTINCT FROM $3 RETURNING key, title`,
      [caseId, key, done],
    );
    return affected !== 0 && changed[0] ? { title: storedPlanText.english(changed[0].title) } : null;
  },

  /** Drops the steps not among `keys` (plan reconciliation never passes a step someone ticked). */
  async deletePlanStepsExcept(manager: EntityManager, caseId: string, keys: readonly ActionPlanStepKey[]): Promise<void> {
    await manager.query(`DELETE FROM case_plan_step WHERE case_id = $1 AND NOT (key = ANY($2::text[]))`, [caseId, keys]);
  },

  /** Writes the plan's steps in order: new ones added, existing ones moved and reworded, their progress kept. */
  async upsertPlanSteps(manager: EntityManager, caseId: string, steps: readonly NewPlanStep[]): Promise<void> {
    await manager.query(
      `INSERT INTO case_plan_step (case_id, key, position, title, detail)
     SELECT $1, s.key, s.position, s.title, s.detail FROM unnest($2::text[], $3::smallint[], $4::text[], $5::text[]) AS s(key, position, title, detail)
     ON CONFLICT (case_id, key) DO UPDATE SET position = EXCLUDED.position, title = EXCLUDED.title, detail = EXCLUDED.detail`,
      [
        caseId,
        steps.map((step) => step.key),
        steps.map((_, index) => index),
        steps.map((step) => storedPlanText.write(step.title)),
        steps.map((step) => storedPlanText.write(step.detail)),
      ],
    );
  },

  /** The case's evidence with who added it, newest first. */
  evidence(manager: EntityManager, caseId: string): Promise<CaseEvidenceRow[]> {
    return manager.query<CaseEvidenceRow[]>(
      `SELECT e.*, u.display_name AS added_by_name FROM case_evidence e JOIN staff_user u ON u.id = e.added_by WHERE e.case_id = $1 ORDER BY e.added_at DESC`,
      [caseId],
    );
  },

  /** Records a piece of evidence; answers its id and when it was added. */
  async insertEvidence(manager: EntityManager, caseId: string, addedBy: string, input: NewCaseEvidence): Promise<{ id: string; added_at: Date }> {
    const [row] = await manager.query<Array<{ id: string; added_at: Date }>>(
      `INSERT INTO case_evidence (id, case_id, kind, platform, offender_handle, profile_url, description_sealed, payment_reference, seen_at, sha256, file_name, added_by)
         VALUES ($12, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id, added_at`,
      [
        caseId,
        input.kind,
        input.platform ?? null,
        input.offenderHandle ?? null,
        input.profileUrl ?? null,
        input.descriptionSealed,
        input.paymentReference ?? null,
        input.seenAt ?? null,
        input.sha256 ?? null,
        input.fileName ?? null,
        addedBy,
        input.id,
      ],
    );
    return present(row, 'the new evidence row');
  },

  /** One piece of the case's evidence, or undefined when the case has no such entry. */
  async evidenceEntry(manager: EntityManager, caseId: string, evidenceId: string): Promise<CaseEvidenceRow | undefined> {
    const [row] = await manager.query<CaseEvidenceRow[]>(
      `SELECT e.*, u.display_name AS added_by_name FROM case_evidence e JOIN staff_user u ON u.id = e.added_by WHERE e.case_id = $1 AND e.id = $2`,
      [caseId, evidenceId],
    );
    return row;
  },

  /**
   * Rewrites a piece of evidence as given (fields left out become null); who added it and when
   * stay. The description is written sealed, and any plain copy from before sealing is cleared.
   */
  async updateEvidence(manager: EntityManager, caseId: string, evidenceId: string, input: NewCaseEvidence): Promise<void> {
    await manager.query(
      `UPDATE case_evidence SET kind = $3, platform = $4, offender_handle = $5, profile_url = $6, description = NULL, description_sealed = $7, payment_reference = $8, seen_at = $9, sha256 = $10, file_name = $11
        WHERE case_id = $1 AND id = $2`,
      [
        caseId,
        evidenceId,
        input.kind,
        input.platform ?? null,
        input.offenderHandle ?? null,
        input.profileUrl ?? null,
        input.descriptionSealed,
        input.paymentReference ?? null,
        input.seenAt ?? null,
        input.sha256 ?? null,
        input.fileName ?? null,
      ],
    );
  },

  /** Removes a piece of evidence (its identifiers go with it, by cascade); false when there was none. */
  async deleteEvidence(manager: EntityManager, caseId: string, evidenceId: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(`WITH gone AS (DELETE FROM case_evidence WHERE case_id = $1 AND id = $2 RETURNING 1) SELECT 1 FROM gone`, [
      caseId,
      evidenceId,
    ]);
    return rows.length === 1;
  },

  /** The case's notes with their authors, newest first. */
  notes(manager: EntityManager, caseId: string): Promise<CaseNoteRow[]> {
    return manager.query<CaseNoteRow[]>(
      `SELECT n.id, n.body, n.body_sealed, n.created_at, n.author_id, u.display_name AS author_name FROM case_note n JOIN staff_user u ON u.id = n.author_id
      WHERE n.case_id = $1 ORDER BY n.created_at DESC`,
      [caseId],
    );
  },

  /** Records a caseworker's note, sealed to its id (SEAL_CONTEXT.note); answers when it was written. */
  async insertNote(
    manager: EntityManager,
    caseId: string,
    authorId: string,
    note: { id: string; bodySealed: Buffer },
  ): Promise<{ id: string; created_at: Date }> {
    const [row] = await manager.query<Array<{ id: string; created_at: Date }>>(
      `INSERT INTO case_note (id, case_id, author_id, body_sealed) VALUES ($1, $2, $3, $4) RETURNING id, created_at`,
      [note.id, caseId, authorId, note.bodySealed],
    );
    return present(row, 'the new note row');
  },

  /** The case's last 1000 audit rows with who did each, newest first: staff read who did what to a case. */
  auditTrail(db: DataSource | EntityManager, caseId: string): Promise<CaseAuditRow[]> {
    return db.query<CaseAuditRow[]>(
      `SELECT a.id::text AS id, a.at, a.action, a.before, a.after, a.payload_sealed, a.actor_id, u.display_name AS actor_name
         FROM audit_log a LEFT JOIN staff_user u ON u.id = a.actor_id WHERE a.case_id = $1 ORDER BY a.at DESC, a.id DESC LIMIT 1000`,
      [caseId],
    );
  },
};
