import { CaseStatus, Priority, present, recordOf } from '@sg/domain';
import { EntityManager } from 'typeorm';
import { CASE_ROW_LOCK, CaseState, caseStateColumns } from '../case-core/support-case.repository';

/** The person's case as their conversation sees it: where their records live, and their own reference. */
export interface PersonHome {
  /** The case their records live in: their own, or the original theirs was merged into. */
  home: CaseState;
  /** The reference of the person's own case (the one they opened with). */
  personReference: string;
}

/** What linking and merging check on a case, read with its row held. */
export interface LinkableCaseRow {
  id: string;
  reference: string;
  status: CaseStatus;
  priority: Priority;
  assigneeId: string | null;
  mergedInto: string | null;
  mergedStatus: CaseStatus | null;
  /** How many duplicates are merged into this case. */
  mergedFrom: number;
}

/** A link as a case page reads it: the other case, and (the caller decides whether to show it) why. */
export interface CaseLinkRowView {
  id: string;
  linkedAt: Date;
  /** Plain only on a link written before reasons were sealed; else null and `reasonSealed` holds it (case-link-reason.ts opens it). */
  reason: string | null;
  reasonSealed: Buffer | null;
  linkedBy: string | null;
  otherId: string;
  otherReference: string;
  otherStatus: CaseStatus;
  otherPriority: Priority;
  otherAssigneeId: string | null;
}

/** A case on either end of a merge. */
export interface MergeRowView {
  mergedAt: Date;
  id: string;
  reference: string;
  status: CaseStatus;
  priority: Priority;
  assigneeId: string | null;
}

/** A removed link, for its timeline entries and audit row. */
export interface RemovedLink {
  id: string;
  lowCaseId: string;
  highCaseId: string;
  reason: string | null;
  reasonSealed: Buffer | null;
}

/** A secret identifier's sealed text, to seal again to the case it moves to. */
export interface SealedIdentifierRow {
  id: string;
  valueSealed: Buffer;
}

/** How many rows a merge or unmerge moved, per kind of record (the audit row says so). */
type MovableTable = (typeof MOVABLE_TABLES)[number];
export type MovedCounts = Record<MovableTable, number>;

/** Every table whose rows move with a merge: the case's facts, evidence, takedowns, reports, follow-ups and messages. */
const MOVABLE_TABLES = ['case_platform', 'case_content_url', 'case_evidence', 'takedown_request', 'case_report', 'follow_up', 'case_message'] as const;

const LINKABLE_COLUMNS = `c.id, c.reference, c.status, c.priority, c.assignee_id AS "assigneeId", c.merged_into AS "mergedInto", c.merged_status AS "mergedStatus",
  (SELECT count(*)::int FROM support_case d WHERE d.merged_into = c.id) AS "mergedFrom"`;

/** Links and merges: all their SQL. Writes run in the caller's transaction, which holds both cases' rows. */
export const caseLinkRepository = {
  /**
   * Holds the rows of the cases named, one at a time in id order, whatever order the caller names
   * them in: two merges (or links) of the same pair taken from either end wait, never deadlock.
   * Answers them in the order asked; a case that does not exist is missing from the map.
   */
  async lockInOrder(manager: EntityManager, caseIds: readonly string[]): Promise<Map<string, LinkableCaseRow>> {
    const found = new Map<string, LinkableCaseRow>();
    for (const id of [...new Set(caseIds)].sort()) {
      const [row] = await manager.query<LinkableCaseRow[]>(`SELECT ${LINKABLE_COLUMNS} FROM support_case c WHERE c.id = $1 ${CASE_ROW_LOCK}`, [id]);
      if (row) found.set(id, row);
    }
    return found;
  },

  /** The same, without taking the row (a read). */
  async caseRow(manager: EntityManager, caseId: string): Promise<LinkableCaseRow | null> {
    const [row] = await manager.query<LinkableCaseRow[]>(`SELECT ${LINKABLE_COLUMNS} FROM support_case c WHERE c.id = $1`, [caseId]);
    return row ?? null;
  },

  /** A case's id by its reference (no row taken: the caller locks both in order next). */
  async idByReference(manager: EntityManager, reference: string): Promise<string | null> {
    const [row] = await manager.query<Array<{ id: string }>>(`SELECT id FROM support_case WHERE reference = $1`, [reference]);
    return row?.id ?? null;
  },

  /** Stores the link once per pair; null when the pair is linked already. */
  async insertLink(manager: EntityManager, id: string, caseA: string, caseB: string, reasonSealed: Buffer, by: string): Promise<string | null> {
    const [low, high] = caseA < caseB ? [caseA, caseB] : [caseB, caseA];
    const rows = await manager.query<Array<{ id: string }>>(
      `INSERT INTO case_link (id, low_case_id, high_case_id, reason_sealed, linked_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (low_case_id, high_case_id) DO NOTHING RETURNING id`,
      [id, low, high, reasonSealed, by],
    );
    return rows[0]?.id ?? null;
  },

  /** The link's two cases, before a command holds them; null when it is not a link of `caseId`. */
  async linkOf(manager: EntityManager, caseId: string, linkId: string): Promise<{ lowCaseId: string; highCaseId: string } | null> {
    const [row] = await manager.query<Array<{ lowCaseId: string; highCaseId: string }>>(
      `SELECT low_case_id AS "lowCaseId", high_case_id AS "highCaseId" FROM case_link WHERE id = $1 AND $2 IN (low_case_id, high_case_id)`,
      [linkId, caseId],
    );
    return row ?? null;
  },

  /** Removes a link of `caseId`; null when there is none by that id (removed already). */
  async deleteLink(manager: EntityManager, caseId: string, linkId: string): Promise<RemovedLink | null> {
    const [row] = await manager.query<RemovedLink[]>(
      `WITH gone AS (DELETE FROM case_link WHERE id = $1 AND $2 IN (low_case_id, high_case_id) RETURNING id, low_case_id, high_case_id, reason, reason_sealed)
       SELECT id, low_case_id AS "lowCaseId", high_case_id AS "highCaseId", reason, reason_sealed AS "reasonSealed" FROM gone`,
      [linkId, caseId],
    );
    return row ?? null;
  },

  /** The links of a case, newest first, with the other case as a reader needs it to decide what to show. */
  linksOf(manager: EntityManager, caseId: string): Promise<CaseLinkRowView[]> {
    return manager.query<CaseLinkRowView[]>(
      `SELECT l.id, l.linked_at AS "linkedAt", l.reason, l.reason_sealed AS "reasonSealed", s.display_name AS "linkedBy",
              o.id AS "otherId", o.reference AS "otherReference", o.status AS "otherStatus", o.priority AS "otherPriority", o.assignee_id AS "otherAssigneeId"
         FROM case_link l
         JOIN support_case o ON o.id = CASE WHEN l.low_case_id = $1 THEN l.high_case_id ELSE l.low_case_id END
         LEFT JOIN staff_user s ON s.id = l.linked_by
        WHERE l.low_case_id = $1 OR l.high_case_id = $1
        ORDER BY l.linked_at DESC, l.id`,
      [caseId],
    );
  },

  /** The case this one is merged into, if it is. */
  async mergedInto(manager: EntityManager, caseId: string): Promise<MergeRowView | null> {
    const [row] = await manager.query<MergeRowView[]>(
      `SELECT d.merged_at AS "mergedAt", o.id, o.reference, o.status, o.priority, o.assignee_id AS "assigneeId"
         FROM support_case d JOIN support_case o ON o.id = d.merged_into WHERE d.id = $1`,
      [caseId],
    );
    return row ?? null;
  },

  /** The duplicates merged into this case, newest merge first. */
  mergedFrom(manager: EntityManager, caseId: string): Promise<MergeRowView[]> {
    return manager.query<MergeRowView[]>(
      `SELECT d.merged_at AS "mergedAt", d.id, d.reference, d.status, d.priority, d.assignee_id AS "assigneeId"
         FROM support_case d WHERE d.merged_into = $1 ORDER BY d.merged_at DESC, d.id`,
      [caseId],
    );
  },

  /**
   * Moves every record of the duplicate to the original, each marked with where it came from.
   * Entered identifiers follow their evidence (their secrets are sealed again by the caller).
   */
  async moveRecords(manager: EntityManager, duplicateId: string, originalId: string): Promise<MovedCounts> {
    const moved = new Map<MovableTable, number>();
    for (const table of MOVABLE_TABLES) {
      const [, count] = await manager.query<[unknown[], number]>(`UPDATE ${table} SET case_id = $2, origin_case_id = $1 WHERE case_id = $1`, [
        duplicateId,
        originalId,
      ]);
      moved.set(table, count);
    }
    await manager.query(
      `UPDATE case_identifier SET case_id = $2 WHERE entered AND evidence_id IN (SELECT id FROM case_evidence WHERE case_id = $2 AND origin_case_id = $1)`,
      [duplicateId, originalId],
    );
    return recordOf(MOVABLE_TABLES, (table) => present(moved.get(table), `the count moved from ${table}`));
  },

  /** Moves back exactly the records that came from the duplicate (and the identifiers entered with its evidence). */
  async moveRecordsBack(manager: EntityManager, duplicateId: string, originalId: string): Promise<MovedCounts> {
    await manager.query(
      `UPDATE case_identifier SET case_id = $1 WHERE entered AND case_id = $2 AND evidence_id IN (SELECT id FROM case_evidence WHERE case_id = $2 AND origin_case_id = $1)`,
      [duplicateId, originalId],
    );
    const moved = new Map<MovableTable, number>();
    for (const table of MOVABLE_TABLES) {
      const [, count] = await manager.query<[unknown[], number]>(
        `UPDATE ${table} SET case_id = $1, origin_case_id = NULL WHERE case_id = $2 AND origin_case_id = $1`,
        [duplicateId, originalId],
      );
      moved.set(table, count);
    }
    return recordOf(MOVABLE_TABLES, (table) => present(moved.get(table), `the count moved from ${table}`));
  },

  /** The sealed secrets entered with evidence that came from `originCaseId`, now on `caseId`. */
  sealedIdentifiersFrom(manager: EntityManager, caseId: string, originCaseId: string): Promise<SealedIdentifierRow[]> {
    return manager.query<SealedIdentifierRow[]>(
      `SELECT i.id, i.value_sealed AS "valueSealed" FROM case_identifier i JOIN case_evidence e ON e.id = i.evidence_id
        WHERE i.case_id = $1 AND i.value_sealed IS NOT NULL AND COALESCE(e.origin_case_id, e.case_id) = $2`,
      [caseId, originCaseId],
    );
  },

  async reseal(manager: EntityManager, identifierId: string, sealed: Buffer): Promise<void> {
    await manager.query(`UPDATE case_identifier SET value_sealed = $2 WHERE id = $1`, [identifierId, sealed]);
  },

  /** The duplicate leaves the queues (closed), remembering its status for an unmerge. */
  async markMerged(manager: EntityManager, duplicateId: string, originalId: string): Promise<void> {
    await manager.query(
      `UPDATE support_case SET merged_into = $2, merged_at = now(), merged_status = status, status = 'closed', version = version + 1, updated_at = now() WHERE id = $1`,
      [duplicateId, originalId],
    );
  },

  /** The duplicate is its own case again, in the status it had. */
  async clearMerged(manager: EntityManager, duplicateId: string): Promise<void> {
    await manager.query(
      `UPDATE support_case SET merged_into = NULL, merged_at = NULL, status = COALESCE(merged_status, status), merged_status = NULL, version = version + 1, updated_at = now() WHERE id = $1`,
      [duplicateId],
    );
  },

  /** A change on a case: its last activity (the clusters' order) moves. */
  async touch(manager: EntityManager, caseId: string): Promise<void> {
    await manager.query(`UPDATE support_case SET updated_at = now() WHERE id = $1`, [caseId]);
  },

  /**
   * For the person: the case their records now live in (their own, or the original theirs was
   * merged into), with their own case's reference, in one statement; null when their case is gone.
   * `lock` holds the home row only (CASE_ROW_LOCK), as reading the home and then locking it did:
   * one lock, so this statement adds no lock order for a merge (both rows, lower id first) to cross.
   */
  async homeState(manager: EntityManager, personCaseId: string, lock: boolean): Promise<PersonHome | null> {
    const [row] = await manager.query<Array<CaseState & { personReference: string }>>(
      `SELECT ${caseStateColumns('h')}, p.reference AS "personReference"
         FROM support_case p JOIN support_case h ON h.id = COALESCE(p.merged_into, p.id)
        WHERE p.id = $1 ${lock ? `${CASE_ROW_LOCK} OF h` : ''}`,
      [personCaseId],
    );
    if (!row) return null;
    const { personReference, ...home } = row;
    return { personReference, home };
  },

  /** The id of the case the person's records live in now (a statement of its own: it reads what has committed since). */
  async homeIdOf(manager: EntityManager, personCaseId: string): Promise<string | null> {
    const [row] = await manager.query<Array<{ id: string }>>(`SELECT COALESCE(merged_into, id) AS id FROM support_case WHERE id = $1`, [personCaseId]);
    return row?.id ?? null;
  },
};
