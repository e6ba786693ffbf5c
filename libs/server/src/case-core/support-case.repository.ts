import {
  AgeBand,
  CaseFacts,
  CaseStatus,
  ContactChannel,
  ContentPostedAnswer,
  Demand,
  IntakeChannel,
  Language,
  Priority,
  SelfHarmAnswer,
  Submitter,
  TriageFactor,
  keysOf,
} from '@sg/domain';
import { EntityManager } from 'typeorm';

/**
 * The lock every command on a case takes first, so changes to one case happen one at a time.
 * NO KEY UPDATE, not UPDATE: rows that merely reference the case (follow-ups, notifications,
 * timeline and audit entries) take KEY SHARE for their foreign key, and must not queue behind
 * it: the worker firing a follow-up would wait for a caseworker's change, and planning a new
 * case while it is claimed would deadlock.
 */
export const CASE_ROW_LOCK = 'FOR NO KEY UPDATE';

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
  ageBand: AgeBand;
  contentMadeUnder18: boolean | null;
  selfHarm: SelfHarmAnswer;
  immediateDanger: boolean;
  deadlineAt: Date | null;
  contentPosted: ContentPostedAnswer;
  stillInContact: boolean | null;
  paid: boolean | null;
  submittedBy: Submitter;
  country: string;
  demands: Demand[];
  /** When it went waiting on the person before first contact; null otherwise. */
  targetPausedAt: Date | null;
}

/** A whole `support_case` row (`c.*`), with the names of whoever holds it and whoever overrode its priority. */
export interface SupportCaseRow {
  id: string;
  reference: string;
  access_code_hash: string;
  status: CaseStatus;
  priority: Priority;
  priority_rank: number;
  triage_priority: Priority;
  triage_factors: TriageFactor[];
  triaged_at: Date;
  priority_override: Priority | null;
  /** Plain only on a case written before reasons were sealed and not yet sealed by the key job. */
  priority_override_reason: string | null;
  /** Sealed (SEAL_CONTEXT.priorityOverride). */
  priority_override_reason_sealed: Buffer | null;
  priority_override_by: string | null;
  priority_override_at: Date | null;
  first_response_due_at: Date;
  first_responded_at: Date | null;
  submitted_by: Submitter;
  channel: IntakeChannel;
  alias: string | null;
  age_band: AgeBand;
  content_made_under_18: boolean | null;
  country: string;
  self_harm: SelfHarmAnswer;
  immediate_danger: boolean;
  deadline_at: Date | null;
  demands: Demand[];
  content_posted: ContentPostedAnswer;
  still_in_contact: boolean | null;
  paid: boolean | null;
  /** Plain only on a case written before narratives were sealed and not yet sealed by the key job. */
  narrative: string | null;
  /** Sealed (SEAL_CONTEXT.narrative). */
  narrative_sealed: Buffer | null;
  contact_channel: ContactChannel;
  /** Sealed (DataProtection); only its presence is shown, never its content. */
  contact_sealed: Buffer | null;
  consent_contact: boolean;
  contact_declined: boolean;
  language: Language;
  assignee_id: string | null;
  created_by: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  assignee_name: string | null;
  override_by_name: string | null;
}

/** What the person's own case page (reference and access code) needs of their case. */
export interface PersonCaseRow extends CaseFacts {
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
  /** The language the person reads: their page says it back so the switch starts there. */
  language: Language;
  assigneeId: string | null;
  createdAt: Date;
  /** Merged as a duplicate into this case (case-links/): the person's records live there now. */
  mergedInto: string | null;
}

/** The person's sealed contact details and what they agreed to. */
export interface CaseContactRow {
  contact_channel: ContactChannel;
  contact_sealed: Buffer | null;
  consent_contact: boolean;
}

/** A member of staff a case can be given to. */
export interface AssignableStaffRow {
  id: string;
  display_name: string;
}

/** A column set to a literal (the database's clock, or NULL) rather than a parameter. */
export type CaseStamp = 'now()' | 'NULL';

/**
 * Columns a member of staff's change sets (status, facts, priority override, re-triage). The
 * statement sets them in the order the keys were added, so the same change is the same SQL.
 */
export interface SupportCaseChange {
  status?: CaseStatus;
  age_band?: AgeBand;
  content_made_under_18?: boolean | null;
  self_harm?: SelfHarmAnswer;
  immediate_danger?: boolean;
  deadline_at?: Date | null;
  content_posted?: ContentPostedAnswer;
  still_in_contact?: boolean | null;
  paid?: boolean | null;
  priority_override?: Priority | null;
  priority_override_reason?: string | null;
  priority_override_reason_sealed?: Buffer | null;
  priority_override_by?: string | null;
  priority_override_at?: CaseStamp;
  triage_priority?: Priority;
  /** JSON text of the factors. */
  triage_factors?: string;
  triaged_at?: 'now()';
  priority?: Priority;
  priority_rank?: number;
  first_response_due_at?: Date;
  target_paused_at?: Date | null;
}

/** The columns whose value is a CaseStamp written into the statement, not a parameter. */
const STAMP_COLUMNS: ReadonlySet<keyof SupportCaseChange> = new Set<keyof SupportCaseChange>(['priority_override_at', 'triaged_at']);

/** What the person's addition changes: the facts they can tell us, and the triage that follows. */
export interface PersonFactsChange {
  deadlineAt: Date | null;
  contentPosted: ContentPostedAnswer;
  triagePriority: Priority;
  factors: TriageFactor[];
  /** Triaged and updated at. */
  at: Date;
  priority: Priority;
  priorityRank: number;
  firstResponseDueAt: Date;
}

const CASE_COLUMNS = `
  id, reference, access_code_hash AS "accessCodeHash", status, priority, triage_priority AS "triagePriority",
  priority_override AS "priorityOverride", first_response_due_at AS "firstResponseDueAt",
  first_responded_at AS "firstRespondedAt", submitted_by AS "submittedBy", age_band AS "ageBand",
  content_made_under_18 AS "contentMadeUnder18", country, self_harm AS "selfHarm", immediate_danger AS "immediateDanger",
  deadline_at AS "deadlineAt", demands, content_posted AS "contentPosted", still_in_contact AS "stillInContact", paid,
  contact_channel AS "contactChannel", consent_contact AS "consentContact", contact_declined AS "contactDeclined", language, assignee_id AS "assigneeId", created_at AS "createdAt", merged_into AS "mergedInto"`;

/**
 * CaseState's columns of the case row aliased `c`: `state` here, and the person's home case
 * (`caseLinkRepository.homeState`), which reads it joined to the person's own row.
 */
export const caseStateColumns = (c: string): string =>
  `${c}.id, ${c}.reference, ${c}.version, ${c}.status, ${c}.priority, ${c}.triage_priority AS "triagePriority",
   ${c}.priority_override AS "priorityOverride", ${c}.assignee_id AS "assigneeId", ${c}.first_response_due_at AS "firstResponseDueAt",
   ${c}.first_responded_at AS "firstRespondedAt", ${c}.created_at AS "createdAt", ${c}.age_band AS "ageBand",
   ${c}.content_made_under_18 AS "contentMadeUnder18", ${c}.self_harm AS "selfHarm", ${c}.immediate_danger AS "immediateDanger",
   ${c}.deadline_at AS "deadlineAt", ${c}.content_posted AS "contentPosted", ${c}.still_in_contact AS "stillInContact", ${c}.paid,
   ${c}.submitted_by AS "submittedBy", ${c}.country, ${c}.demands, ${c}.target_paused_at AS "targetPausedAt"`;

/** Case rows (`support_case`): reading, locking and changing one case. The queues are in case-queue.repository.ts. */
export const supportCaseRepository = {
  /** The case's state for a command; `lock` takes the row (CASE_ROW_LOCK) so changes to it happen one at a time. */
  async state(manager: EntityManager, caseId: string, lock: boolean): Promise<CaseState | null> {
    const [row] = await manager.query<CaseState[]>(`SELECT ${caseStateColumns('c')} FROM support_case c WHERE c.id = $1 ${lock ? CASE_ROW_LOCK : ''}`, [
      caseId,
    ]);
    return row ?? null;
  },

  /** The whole case row with the holder's and overrider's names, for the staff case page. */
  async detail(manager: EntityManager, caseId: string): Promise<SupportCaseRow | null> {
    const [row] = await manager.query<SupportCaseRow[]>(
      `SELECT c.*, a.display_name AS assignee_name, o.display_name AS override_by_name
       FROM support_case c
       LEFT JOIN staff_user a ON a.id = c.assignee_id
       LEFT JOIN staff_user o ON o.id = c.priority_override_by
      WHERE c.id = $1`,
      [caseId],
    );
    return row ?? null;
  },

  /** The case behind a reference, for the person's own access (the caller checks the code); `lock` as for `state`. */
  async byReference(manager: EntityManager, reference: string, lock: boolean): Promise<PersonCaseRow | null> {
    const [row] = await manager.query<PersonCaseRow[]>(`SELECT ${CASE_COLUMNS} FROM support_case WHERE reference = $1 ${lock ? CASE_ROW_LOCK : ''}`, [
      reference,
    ]);
    return row ?? null;
  },

  /**
   * The access-code hash under the current key, written when the person's code matched one under an
   * older key (compare-and-set: a concurrent rehash wins once). Not a change to the case: no version bump.
   */
  async replaceAccessCodeHash(manager: EntityManager, caseId: string, previous: string, next: string): Promise<void> {
    await manager.query(`UPDATE support_case SET access_code_hash = $3 WHERE id = $1 AND access_code_hash = $2`, [caseId, previous, next]);
  },

  /** The same, by id: the person's conversation session names the case it opened. */
  async personCaseById(manager: EntityManager, caseId: string, lock: boolean): Promise<PersonCaseRow | null> {
    const [row] = await manager.query<PersonCaseRow[]>(`SELECT ${CASE_COLUMNS} FROM support_case WHERE id = $1 ${lock ? CASE_ROW_LOCK : ''}`, [caseId]);
    return row ?? null;
  },

  /** The person chose another language on their page: their nudges follow it. */
  async setLanguage(manager: EntityManager, caseId: string, language: Language): Promise<void> {
    await manager.query(`UPDATE support_case SET language = $2 WHERE id = $1`, [caseId, language]);
  },

  /** The sealed contact details, read only when staff reveal them (with a reason on the audit trail). */
  async contact(manager: EntityManager, caseId: string): Promise<CaseContactRow | null> {
    const [row] = await manager.query<CaseContactRow[]>(`SELECT contact_channel, contact_sealed, consent_contact FROM support_case WHERE id = $1`, [caseId]);
    return row ?? null;
  },

  /** The member of staff a case is about to be given to, if the account is active (nobody else may hold a case). */
  async assignableStaff(manager: EntityManager, staffId: string): Promise<AssignableStaffRow | null> {
    const [row] = await manager.query<AssignableStaffRow[]>(`SELECT id, display_name FROM staff_user WHERE id = $1 AND active`, [staffId]);
    return row ?? null;
  },

  /**
   * Gives the case to someone. Not a first response: that is first contact with the person (a
   * message sent or a contact recorded: conversation/), so a claimed case nobody reached still escalates.
   */
  async setAssignee(manager: EntityManager, caseId: string, assigneeId: string, status: CaseStatus): Promise<void> {
    await manager.query(
      `UPDATE support_case SET assignee_id = $2, status = $3,
              version = version + 1, updated_at = now() WHERE id = $1`,
      [caseId, assigneeId, status],
    );
  },

  /** A staff change to the case's own columns, as a new version. Nothing to set is the caller's to skip. */
  async applyChange(manager: EntityManager, caseId: string, change: SupportCaseChange): Promise<void> {
    const params: unknown[] = [caseId];
    const sets = keysOf(change).map((column) => {
      const value: unknown = change[column];
      return STAMP_COLUMNS.has(column) ? `${column} = ${value === 'now()' ? 'now()' : 'NULL'}` : `${column} = $${params.push(value)}`;
    });
    await manager.query(`UPDATE support_case SET ${sets.join(', ')}, version = version + 1, updated_at = now() WHERE id = $1`, params);
  },

  /** A new version of the case when one of its parts changed (a plan step), so stale edits are caught. */
  async bumpVersion(manager: EntityManager, caseId: string): Promise<void> {
    await manager.query(`UPDATE support_case SET version = version + 1, updated_at = now() WHERE id = $1`, [caseId]);
  },

  /** Marks the case as changed (a note, evidence) without a new version: nobody's edit of its facts goes stale. */
  async touch(manager: EntityManager, caseId: string): Promise<void> {
    await manager.query(`UPDATE support_case SET updated_at = now() WHERE id = $1`, [caseId]);
  },

  /** What the person told us (deadline, whether content is posted) and the triage that follows from it, as a new version. */
  async applyPersonFacts(manager: EntityManager, caseId: string, change: PersonFactsChange): Promise<void> {
    await manager.query(
      `UPDATE support_case SET deadline_at = $2, content_posted = $3, triage_priority = $4, triage_factors = $5,
                triaged_at = $6, priority = $7, priority_rank = $8, first_response_due_at = $9,
                version = version + 1, updated_at = $6
          WHERE id = $1`,
      [
        caseId,
        change.deadlineAt,
        change.contentPosted,
        change.triagePriority,
        JSON.stringify(change.factors),
        change.at,
        change.priority,
        change.priorityRank,
        change.firstResponseDueAt,
      ],
    );
  },

  /**
   * Sends every payload on `channel` (NOTIFY), in array order (unnest's scan), in one statement of its own, after the
   * changes they announce have committed (live-announcements.ts). Its commit does not wait for the
   * disk: a notification is never kept across a restart anyway, and waiting would hold PostgreSQL's
   * database-wide NOTIFY lock for a flush, which every notifying commit queues behind.
   */
  async announceAll(manager: EntityManager, channel: string, payloads: readonly string[]): Promise<void> {
    await manager.query(
      `SELECT set_config('synchronous_commit', 'off', true) AS off, count(pg_notify($1, payload)) AS sent
         FROM unnest($2::text[]) AS payload`,
      [channel, payloads],
    );
  },
};
