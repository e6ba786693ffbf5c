import { identifiersInText } from '@sg/domain/identifiers';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { itemAt } from '@sg/domain';

interface BackfillRow {
  evidence_id: string;
  case_id: string;
  country: string | null;
  payment_reference: string;
}

/**
 * Evidence's typed identifiers, and what a purge leaves of a case's identifiers.
 *
 * - Evidence entries hold a typed list of identifiers (the `entered` rows of case_identifier with
 *   their evidence_id). Backfilled, best effort, from each entry's free-text payment reference:
 *   the wallets, e-mail addresses, international phone numbers and cashtags it names, or the
 *   account itself when it is one word or an account number (identifiersInText). None of those
 *   is a secret kind, so nothing here needs sealing. An entry that already has an identifier of
 *   that kind and value keeps it once (the backfill can run again).
 * - purged_identifier: a purged case's identifiers survive only as keyed hashes (HMAC; the key is
 *   not in the database) with how many purged cases held each, so "seen in N other cases" stays true.
 */
export class EvidenceIdentifiers1766810000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE purged_identifier (
        kind text NOT NULL CONSTRAINT purged_identifier_kind_check
          CHECK (kind IN ('handle', 'profile_url', 'user_id', 'email', 'phone', 'payment_account', 'transaction_id', 'crypto_wallet', 'gift_card')),
        value_hash text NOT NULL,
        cases integer NOT NULL CONSTRAINT purged_identifier_cases_check CHECK (cases > 0),
        CONSTRAINT purged_identifier_pkey PRIMARY KEY (kind, value_hash)
      )`);

    // In batches of evidence, so a large database is not read into memory at once.
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await queryRunner.manager.query<BackfillRow[]>(
        `SELECT e.id AS evidence_id, e.case_id, c.country, e.payment_reference
           FROM case_evidence e JOIN support_case c ON c.id = e.case_id
          WHERE e.id > $1 AND e.payment_reference IS NOT NULL AND btrim(e.payment_reference) <> ''
          ORDER BY e.id LIMIT 500`,
        [after],
      );
      if (!rows.length) break;
      after = itemAt(rows, rows.length - 1, 'the last evidence row of the batch').evidence_id;
      const found = rows.flatMap((row) =>
        identifiersInText(row.payment_reference, { defaultCountry: row.country })
          .filter((identifier) => !identifier.secret)
          .map((identifier) => ({ evidenceId: row.evidence_id, caseId: row.case_id, kind: identifier.kind, value: identifier.value })),
      );
      if (!found.length) continue;
      await queryRunner.query(
        `INSERT INTO case_identifier (case_id, kind, value, source, evidence_id, entered)
         SELECT n.case_id, n.kind, n.value, 'evidence', n.evidence_id, true
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) AS n(case_id, evidence_id, kind, value)
          WHERE NOT EXISTS (SELECT 1 FROM case_identifier i WHERE i.evidence_id = n.evidence_id AND i.entered AND i.kind = n.kind AND i.value = n.value)`,
        [found.map((f) => f.caseId), found.map((f) => f.evidenceId), found.map((f) => f.kind), found.map((f) => f.value)],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The backfilled rows cannot be told from those entered since; they stay (the index is correct with them).
    await queryRunner.query(`DROP TABLE purged_identifier`);
  }
}
