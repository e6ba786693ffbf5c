import { MigrationInterface, QueryRunner } from 'typeorm';
import { present } from '@sg/domain';

/**
 * Why staff linked two cases, sealed at rest (1766805000000-sealed-free-text.ts), bound to the
 * link's id: `case_link.reason_sealed` beside the plain column, which stays (nullable) for rows
 * written before; the key job (keys/reseal.ts) seals those, and the reasons left in the link and
 * merge timeline entries' data.
 */
export class SealedCaseLinkReason1766832000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE case_link ADD COLUMN reason_sealed bytea`);
    await queryRunner.query(`ALTER TABLE case_link ALTER COLUMN reason DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE case_link ADD CONSTRAINT case_link_reason_present CHECK (reason IS NOT NULL OR reason_sealed IS NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Sealed text cannot be opened here (no key): down refuses rather than lose it.
    const [counted] = await queryRunner.manager.query<Array<{ sealed: string }>>(`SELECT count(*) AS sealed FROM case_link WHERE reason_sealed IS NOT NULL`);
    const { sealed } = present(counted, 'the count of sealed values');
    if (Number(sealed) > 0) throw new Error(`${sealed} case links hold a sealed reason; reverting would lose it`);
    await queryRunner.query(`ALTER TABLE case_link DROP CONSTRAINT case_link_reason_present`);
    await queryRunner.query(`ALTER TABLE case_link ALTER COLUMN reason SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE case_link DROP COLUMN reason_sealed`);
  }
}
