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
  async insertEntered(manager: EntityManager, caseId: string, evidenceId: string, identifiers: ReadonlyArray<{ kind: IdentifierKind; value: string; sealed: Buffer | null }>): Promise<void> {
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
   * `withCases`) their ids and references, newest first, up to `limit` each. One index range per identifier.
   */
  othersHolding(db: Db, caseId: string, identifiers: ReadonlyArray<Pick<NormalisedIdentifier, 'kind' | 'value'>>, withCases: boolean, limit = 50): Promise<IdentifierMatchRow[]> {
    if (!identifiers.length) return Promise.resolve([]);
    return db.query<IdentifierMatchRow[]>(
      `SELECT q.kind, q.value,
              (SELECT count(DISTINCT i.case_id)::int FROM case_identifier i WHERE i.kind = q.kind AND i.value = q.value AND i.case_id <> $1) AS other_cases,
              CASE WHEN $4 THEN (
                SELECT COALESCE(json_agg(json_build_object('id', c.id, 'reference', c.reference) ORDER BY c.created_at DESC), '[]'::json)
                  FROM (SELECT c.id, c.reference, c.created_at FROM support_case c
                         WHERE c.id IN (SELECT i.case_id FROM case_identifier i WHERE i.kind = q.kind AND i.value = q.value AND i.case_id <> $1)
                         ORDER BY c.created_at DESC LIMIT $5) c
              ) ELSE '[]'::json END AS cases
         FROM unnest($2::text[], $3::text[]) AS q(kind, value)`,
      [caseId, identifiers.map((i) => i.kind), identifiers.map((i) => i.value), withCases, limit],
    );
  },
};
