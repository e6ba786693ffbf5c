import { IdentifierKind, IdentifierRecords, IdentifierSource, NormalisedIdentifier, SourcedIdentifier } from '@sg/domain/identifiers';
import { DataSource, EntityManager } from 'typeorm';

/** One identifier of a case as the case page lists it (a secret's `value` is its keyed hash). */
export interface CaseIdentifierListRow {
  kind: IdentifierKind;
  value: string;
  /** A secret: `value` is its keyed hash, and the text is sealed (never read for the case page). */
  secret: boolean;
  sources: IdentifierSource[];
}

/** How many other cases hold an identifier, and which (the caller decides who may learn which). */
export interface IdentifierMatchRow {
  kind: IdentifierKind;
  value: string;
  other_cases: number;
  cases: Array<{ id: string; reference: string }>;
}

/** A secret identifier ready to store: its keyed hash and its sealed text. */
export interface NewSecretIdentifier {
  hash: string;
  sealed: Buffer;
}

/** An identifier a caseworker entered on a piece of evidence (a secret's `value` is its keyed hash). */
export interface EnteredIdentifierRow {
  id: string;
  evidence_id: string;
  kind: IdentifierKind;
  value: string;
  secret: boolean;
}

/** A queue row's identifiers and how many other live cases share any of them. */
export interface PageIdentifiersRow {
  case_id: string;
  /** Distinct other (live) cases sharing at least one identifier with this one. */
  others: number;
  /** Whether any purged case left identifiers at all (the same on every row of a page). */
  purgedIdentifiersExist: boolean;
  /** The case's identifiers, for the lookup of purged cases: empty while `purgedIdentifiersExist` is false. */
  identifiers: Array<{ kind: IdentifierKind; value: string; secret: boolean }>;
}

/**
 * The columns a queue page's rows carry for "seen in N" (PageIdentifiersRow's `others`,
 * `purgedIdentifiersExist` and `identifiers`) for the case whose id is `caseId` (a column of the
 * page query), so the page and its badges are one statement: how many other cases share any of
 * the case's identifiers (case_identifier_case_idx, case_identifier_match_idx), and, only once a
 * purge has kept any identifier, the case's own identifiers to look up among the purged cases'.
 * Until then there is nothing to look up, and not reading them took a quarter off the page
 * statement's run (measured at 1 M cases).
 */
export function seenInColumns(caseId: string): string {
  // An uncorrelated subquery: PostgreSQL answers it once per statement, not per row.
  const purgedIdentifiersExist = `EXISTS (SELECT 1 FROM purged_identifier)`;
  return `(SELECT count(DISTINCT o.case_id)::int FROM case_identifier mine
             JOIN case_identifier o ON o.kind = mine.kind AND o.value = mine.value AND o.case_id <> mine.case_id
            WHERE mine.case_id = ${caseId}) AS others,
          ${purgedIdentifiersExist} AS "purgedIdentifiersExist",
          CASE WHEN ${purgedIdentifiersExist}
               THEN COALESCE((SELECT json_agg(json_build_object('kind', i.kind, 'value', i.value, 'secret', i.secret))
                                FROM (SELECT kind, value, bool_or(value_sealed IS NOT NULL) AS secret FROM case_identifier
                                       WHERE case_id = ${caseId} GROUP BY kind, value) i), '[]'::json)
               ELSE '[]'::json END AS identifiers`;
}

/** One identifier of a case the purge is taking (a secret's `value` is already its keyed hash). */
export interface PurgingIdentifierRow {
  case_id: string;
  kind: IdentifierKind;
  value: string;
  secret: boolean;
}

/** How many purged cases held an identifier, by its keyed hash. */
export interface PurgedCountRow {
  kind: IdentifierKind;
  value_hash: string;
  cases: number;
}

type Db = DataSource | EntityManager;

/** The identifier index's SQL. Writes run in the caller's transaction, which holds the case row. */
export const caseIdentifierRepository = {
  /** The records of a case that name identifiers, as stored, with the case's country (for phone numbers). */
  async records(manager: EntityManager, caseId: string): Promise<IdentifierRecords> {
    const [row] = await manager.query<Array<IdentifierRecords>>(
      `SELECT c.country,
          COALESCE((SELECT json_agg(json_build_object('offenderHandle', p.offender_handle, 'profileUrl', p.profile_url)) FROM case_platform p WHERE p.case_id = c.id), '[]') AS platforms,
          COALESCE((SELECT json_agg(json_build_object('offenderHandle', e.offender_handle, 'profileUrl', e.profile_url, 'paymentReference', e.payment_reference)) FROM case_evidence e WHERE e.case_id = c.id), '[]') AS evidence,
          COALESCE((SELECT json_agg(json_build_object('url', t.url, 'account', t.account)) FROM takedown_request t WHERE t.case_id = c.id), '[]') AS takedowns
         FROM support_case c WHERE c.id = $1`,
      [caseId],
    );
    return row ?? { country: null, platforms: [], evidence: [], takedowns: [] };
  },

  /** Replaces the identifiers derived from a case's records (those a caseworker entered stay). */
  async replaceDerived(manager: EntityManager, caseId: string, identifiers: readonly SourcedIdentifier[]): Promise<void> {
    await manager.query(`DELETE FROM case_identifier WHERE case_id = $1 AND NOT entered`, [caseId]);
    if (!identifiers.length) return;
    await manager.query(
      `INSERT INTO case_identifier (case_id, kind, value, source) SELECT $1, kind, value, source FROM unnest($2::text[], $3::text[], $4::text[]) AS i(kind, value, source)`,
      [caseId, identifiers.map((i) => i.kind), identifiers.map((i) => i.value), identifiers.map((i) => i.source)],
    );
  },

  /** Records identifiers a caseworker entered on a piece of evidence (secrets as hash + sealed text). */
  async insertEntered(
    manager: EntityManager,
    caseId: string,
    evidenceId: string,
    identifiers: ReadonlyArray<{ kind: IdentifierKind; value: string; sealed: Buffer | null }>,
  ): Promise<void> {
    if (!identifiers.length) return;
    await manager.query(
      `INSERT INTO case_identifier (case_id, kind, value, value_sealed, source, evidence_id, entered)
       SELECT $1, kind, value, sealed, 'evidence', $2, true FROM unnest($3::text[], $4::text[], $5::bytea[]) AS i(kind, value, sealed)`,
      [caseId, evidenceId, identifiers.map((i) => i.kind), identifiers.map((i) => i.value), identifiers.map((i) => i.sealed)],
    );
  },

  /** The case's identifiers, each once with every source that names it, by kind then value. */
  forCase(db: Db, caseId: string): Promise<CaseIdentifierListRow[]> {
    return db.query<CaseIdentifierListRow[]>(
      `SELECT kind, value, bool_or(value_sealed IS NOT NULL) AS secret,
              array_agg(DISTINCT source ORDER BY source) AS sources
         FROM case_identifier WHERE case_id = $1 GROUP BY kind, value ORDER BY kind, value`,
      [caseId],
    );
  },

  /**
   * For each of a case's identifiers, the other cases that hold it: a count, and (only when
   * `withCases`) their ids and references, newest first (ties by id), up to `limit` each; `[]` for
   * a caseworker. One index range per identifier, and one primary-key lookup per listed case.
   * The SQL is the function `case_identifier_others_holding` (migration 1766862000000), so its
   * plan is made once per connection: planning it on every call cost more than running it.
   */
  othersHolding(
    db: Db,
    caseId: string,
    identifiers: ReadonlyArray<Pick<NormalisedIdentifier, 'kind' | 'value'>>,
    withCases: boolean,
    limit = 50,
  ): Promise<IdentifierMatchRow[]> {
    if (!identifiers.length) return Promise.resolve([]);
    return db.query<IdentifierMatchRow[]>(`SELECT kind, value, other_cases, cases FROM case_identifier_others_holding($1, $2::text[], $3::text[], $4, $5)`, [
      caseId,
      identifiers.map((i) => i.kind),
      identifiers.map((i) => i.value),
      withCases,
      limit,
    ]);
  },

  /** The identifiers caseworkers entered on the case's evidence, by kind then value. */
  enteredForCase(db: Db, caseId: string): Promise<EnteredIdentifierRow[]> {
    return db.query<EnteredIdentifierRow[]>(
      `SELECT id, evidence_id, kind, value, value_sealed IS NOT NULL AS secret FROM case_identifier
        WHERE case_id = $1 AND entered AND evidence_id IS NOT NULL ORDER BY kind, value, id`,
      [caseId],
    );
  },

  /** Removes what was entered on a piece of evidence, except the rows named in `keep`. */
  async removeEnteredExcept(manager: EntityManager, evidenceId: string, keep: readonly string[]): Promise<void> {
    await manager.query(`DELETE FROM case_identifier WHERE evidence_id = $1 AND entered AND NOT (id = ANY($2::uuid[]))`, [evidenceId, keep]);
  },

  /** Every identifier of the cases being purged (locked by the caller). */
  forPurge(manager: EntityManager, caseIds: readonly string[]): Promise<PurgingIdentifierRow[]> {
    return manager.query<PurgingIdentifierRow[]>(
      `SELECT case_id, kind, value, bool_or(value_sealed IS NOT NULL) AS secret FROM case_identifier
        WHERE case_id = ANY($1::uuid[]) GROUP BY case_id, kind, value`,
      [caseIds],
    );
  },

  /** Counts purged cases by identifier hash: each entry is one purged case holding that identifier. */
  async addPurged(manager: EntityManager, held: ReadonlyArray<{ kind: IdentifierKind; hash: string }>): Promise<void> {
    if (!held.length) return;
    await manager.query(
      `INSERT INTO purged_identifier (kind, value_hash, cases)
       SELECT kind, value_hash, count(*)::int FROM unnest($1::text[], $2::text[]) AS h(kind, value_hash) GROUP BY kind, value_hash
       ON CONFLICT (kind, value_hash) DO UPDATE SET cases = purged_identifier.cases + EXCLUDED.cases`,
      [held.map((h) => h.kind), held.map((h) => h.hash)],
    );
  },

  /** How many purged cases held each of these identifiers (by keyed hash); those none held are left out. */
  purgedCounts(db: Db, held: ReadonlyArray<{ kind: IdentifierKind; hash: string }>): Promise<PurgedCountRow[]> {
    if (!held.length) return Promise.resolve([]);
    return db.query<PurgedCountRow[]>(
      `SELECT p.kind, p.value_hash, p.cases FROM purged_identifier p
         JOIN unnest($1::text[], $2::text[]) AS h(kind, value_hash) ON p.kind = h.kind AND p.value_hash = h.value_hash`,
      [held.map((h) => h.kind), held.map((h) => h.hash)],
    );
  },
};
