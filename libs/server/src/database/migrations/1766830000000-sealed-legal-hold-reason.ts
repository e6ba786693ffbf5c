import { MigrationInterface, QueryRunner } from 'typeorm';
import { present } from '@sg/domain';

/**
 * The reason a supervisor gives for a legal hold, sealed at rest like the person's own words
 * (1766805000000-sealed-free-text.ts): `case_legal_hold.reason_sealed` beside the plain column,
 * which stays (nullable) for rows written before; the key job (keys/reseal.ts) seals those, and the
 * reasons left in the `legal_hold_placed`/`legal_hold_released` timeline entries' data.
 */
export class SealedLegalHoldReason1766830000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE case_legal_hold ADD COLUMN reason_sealed bytea`);
    await queryRunner.query(`ALTER TABLE case_legal_hold ALTER COLUMN reason DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE case_legal_hold DROP CONSTRAINT case_legal_hold_reason_present`);
    await queryRunner.query(
      `ALTER TABLE case_legal_hold ADD CONSTRAINT case_legal_hold_reason_present CHECK ((reason IS NOT NULL AND length(btrim(reason)) > 0) OR reason_sealed IS NOT NULL)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Sealed text cannot be opened here (no key): down refuses rather than lose it.
    const [counted] = await queryRunner.manager.query<Array<{ sealed: string }>>(
      `SELECT count(*) AS sealed FROM case_legal_hold WHERE reason_sealed IS NOT NULL`,
    );
    const { sealed } = present(counted, 'the count of sealed values');
    if (Number(sealed) > 0) throw new Error(`${sealed} legal holds hold a sealed reason; reverting would lose it`);
    await queryRunner.query(`ALTER TABLE case_legal_hold DROP CONSTRAINT case_legal_hold_reason_present`);
    await queryRunner.query(`ALTER TABLE case_legal_hold ALTER COLUMN reason SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE case_legal_hold DROP COLUMN reason_sealed`);
    await queryRunner.query(`ALTER TABLE case_legal_hold ADD CONSTRAINT case_legal_hold_reason_present CHECK (length(btrim(reason)) > 0)`);
  }
}
