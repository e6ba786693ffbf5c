import { MigrationInterface, QueryRunner } from 'typeorm';
import { present } from '@sg/domain';

/**
 * Staff-typed free text in audit payloads (reasons, notes) sealed at rest (audit/audit-free-text.ts):
 * `before`/`after` keep the payload with those fields as null, `payload_sealed` holds the whole
 * payload sealed to the row (AES-GCM, its key version in the first byte), and `payload_hash` the
 * hash of that plaintext, fixed at write time. The chain (audit-chain.ts) links that hash, so
 * re-sealing under a new key never changes what the chain covers.
 *
 * The application role may only INSERT and SELECT the log, so the key job reaches rows through two
 * owner functions (SECURITY DEFINER), each limited to one change:
 * - `audit_reseal_payloads`: swaps the sealed bytes of rows that are already sealed, only when the
 *   caller names the row's own payload hash (the plaintext cannot change through it).
 * - `audit_seal_plain_payloads`: seals a payload written in clear by an older version; the hash
 *   given must be the hash of the row's current payload (computed here, as JSON.stringify would),
 *   and the redacted payload may only drop values, never add any.
 * `audit_forget_case_payloads` (the retention purge) now forgets the sealed copy and its hash too.
 */
export class SealedAuditPayloads1766845000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE audit_log ADD COLUMN payload_sealed bytea, ADD COLUMN payload_hash text`);
    await queryRunner.query(`ALTER TABLE audit_log ADD CONSTRAINT audit_log_sealed_has_hash CHECK ((payload_sealed IS NULL) = (payload_hash IS NULL))`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND (current_setting('safeguard.audit_forget', true) = 'on' OR current_setting('safeguard.audit_reseal', true) = 'on') THEN
          RETURN NULL;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only';
      END $$ LANGUAGE plpgsql`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_forget_case_payloads(target_case uuid) RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE forgotten integer;
      BEGIN
        PERFORM set_config('safeguard.audit_forget', 'on', true);
        UPDATE audit_log SET before = NULL, after = NULL, payload_sealed = NULL, payload_hash = NULL
         WHERE case_id = target_case AND action NOT LIKE 'retention.%'
           AND (before IS NOT NULL OR after IS NOT NULL OR payload_sealed IS NOT NULL);
        GET DIAGNOSTICS forgotten = ROW_COUNT;
        PERFORM set_config('safeguard.audit_forget', 'off', true);
        RETURN forgotten;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION audit_reseal_payloads(ids bigint[], sealed bytea[], hashes text[]) RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE swapped integer;
      BEGIN
        PERFORM set_config('safeguard.audit_reseal', 'on', true);
        UPDATE audit_log a SET payload_sealed = s.sealed
          FROM unnest(ids, sealed, hashes) AS s(id, sealed, hash)
         WHERE a.id = s.id AND a.payload_sealed IS NOT NULL AND a.payload_hash = s.hash
           -- version byte, IV and tag at least: an empty value would be a purge in disguise.
           AND octet_length(s.sealed) > 29;
        GET DIAGNOSTICS swapped = ROW_COUNT;
        PERFORM set_config('safeguard.audit_reseal', 'off', true);
        RETURN swapped;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION audit_seal_plain_payloads(ids bigint[], sealed bytea[], hashes text[], befores jsonb[], afters jsonb[]) RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE changed integer;
      BEGIN
        PERFORM set_config('safeguard.audit_reseal', 'on', true);
        UPDATE audit_log a SET payload_sealed = s.sealed, payload_hash = s.hash, before = s.before, after = s.after
          FROM unnest(ids, sealed, hashes, befores, afters) AS s(id, sealed, hash, before, after)
         WHERE a.id = s.id AND a.payload_sealed IS NULL AND octet_length(s.sealed) > 29
           AND (a.before IS NOT NULL OR a.after IS NOT NULL)
           -- The hash the chain already holds for this payload (audit-chain.ts payloadHash): the
           -- caller cannot record a different plaintext than the row's.
           AND s.hash = encode(sha256(convert_to(
                 '[' || coalesce(to_json(a.before::text)::text, 'null') || ',' || coalesce(to_json(a.after::text)::text, 'null') || ']', 'UTF8')), 'hex')
           -- The readable copy only loses values (the free text, as null), never gains any.
           AND (s.before IS NULL) = (a.before IS NULL) AND (a.before IS NULL OR a.before @> jsonb_strip_nulls(s.before))
           AND (s.after IS NULL) = (a.after IS NULL) AND (a.after IS NULL OR a.after @> jsonb_strip_nulls(s.after));
        GET DIAGNOSTICS changed = ROW_COUNT;
        PERFORM set_config('safeguard.audit_reseal', 'off', true);
        RETURN changed;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Sealed payloads cannot be opened here (no key): down refuses rather than lose them.
    const [counted] = await queryRunner.manager.query<Array<{ sealed: string }>>(`SELECT count(*) AS sealed FROM audit_log WHERE payload_sealed IS NOT NULL`);
    const { sealed } = present(counted, 'the count of sealed values');
    if (Number(sealed) > 0) throw new Error(`${sealed} audit rows hold a sealed payload; reverting would lose it`);
    await queryRunner.query(`DROP FUNCTION audit_seal_plain_payloads(bigint[], bytea[], text[], jsonb[], jsonb[])`);
    await queryRunner.query(`DROP FUNCTION audit_reseal_payloads(bigint[], bytea[], text[])`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_forget_case_payloads(target_case uuid) RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE forgotten integer;
      BEGIN
        PERFORM set_config('safeguard.audit_forget', 'on', true);
        UPDATE audit_log SET before = NULL, after = NULL
         WHERE case_id = target_case AND action NOT LIKE 'retention.%' AND (before IS NOT NULL OR after IS NOT NULL);
        GET DIAGNOSTICS forgotten = ROW_COUNT;
        PERFORM set_config('safeguard.audit_forget', 'off', true);
        RETURN forgotten;
      END $$`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND current_setting('safeguard.audit_forget', true) = 'on' THEN
          RETURN NULL;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only';
      END $$ LANGUAGE plpgsql`);
    await queryRunner.query(`ALTER TABLE audit_log DROP CONSTRAINT audit_log_sealed_has_hash`);
    await queryRunner.query(`ALTER TABLE audit_log DROP COLUMN payload_sealed, DROP COLUMN payload_hash`);
  }
}
