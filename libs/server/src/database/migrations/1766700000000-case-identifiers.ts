import { identifiersOfRecords } from '@sg/domain/identifiers';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { itemAt } from '@sg/domain';

interface BackfillRow {
  case_id: string;
  country: string | null;
  platforms: Array<{ offenderHandle: string | null; profileUrl: string | null }>;
  evidence: Array<{ offenderHandle: string | null; profileUrl: string | null; paymentReference: string | null }>;
  takedowns: Array<{ url: string | null; account: string | null }>;
}

/**
 * Offender identifiers, normalised, indexed on (kind, value): "seen in N other cases" and search
 * by identifier (handles, URLs, wallets, payment references). Backfilled, best effort, from what
 * cases already hold: platform and evidence handles and profile URLs, takedown URLs and accounts,
 * and whatever the free-text payment references of evidence name (wallets, e-mail, phone, cashtags).
 */
export class CaseIdentifiers1766700000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_identifier (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL CONSTRAINT case_identifier_case_id_fkey REFERENCES support_case(id) ON DELETE CASCADE,
        kind text NOT NULL CONSTRAINT case_identifier_kind_check
          CHECK (kind IN ('handle', 'profile_url', 'user_id', 'email', 'phone', 'payment_account', 'transaction_id', 'crypto_wallet', 'gift_card')),
        value text NOT NULL,
        value_sealed bytea,
        source text NOT NULL CONSTRAINT case_identifier_source_check CHECK (source IN ('platform', 'evidence', 'takedown')),
        evidence_id uuid CONSTRAINT case_identifier_evidence_id_fkey REFERENCES case_evidence(id) ON DELETE CASCADE,
        entered boolean NOT NULL DEFAULT false,
        added_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX case_identifier_match_idx ON case_identifier (kind, value, case_id)`);
    await queryRunner.query(`CREATE INDEX case_identifier_case_idx ON case_identifier (case_id)`);

    // In batches of cases, so a large database is not read into memory at once.
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await queryRunner.manager.query<BackfillRow[]>(
        `SELECT c.id AS case_id, c.country,
            COALESCE((SELECT json_agg(json_build_object('offenderHandle', p.offender_handle, 'profileUrl', p.profile_url)) FROM case_platform p WHERE p.case_id = c.id), '[]') AS platforms,
            COALESCE((SELECT json_agg(json_build_object('offenderHandle', e.offender_handle, 'profileUrl', e.profile_url, 'paymentReference', e.payment_reference)) FROM case_evidence e WHERE e.case_id = c.id), '[]') AS evidence,
            COALESCE((SELECT json_agg(json_build_object('url', t.url, 'account', t.account)) FROM takedown_request t WHERE t.case_id = c.id), '[]') AS takedowns
           FROM support_case c WHERE c.id > $1 ORDER BY c.id LIMIT 500`,
        [after],
      );
      if (!rows.length) break;
      after = itemAt(rows, rows.length - 1, 'the last case of the batch').case_id;
      const found = rows.flatMap((row) => identifiersOfRecords(row).map((identifier) => ({ caseId: row.case_id, ...identifier })));
      if (!found.length) continue;
      await queryRunner.query(
        `INSERT INTO case_identifier (case_id, kind, value, source) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])`,
        [found.map((f) => f.caseId), found.map((f) => f.kind), found.map((f) => f.value), found.map((f) => f.source)],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE case_identifier`);
  }
}
