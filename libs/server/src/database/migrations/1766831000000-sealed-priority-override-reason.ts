import { MigrationInterface, QueryRunner } from 'typeorm';
import { present } from '@sg/domain';

/**
 * Why staff overrode a case's priority, sealed at rest (1766805000000-sealed-free-text.ts):
 * `support_case.priority_override_reason_sealed` beside the plain column (already nullable), which
 * stays for rows written before; the key job (keys/reseal.ts) seals those, and the reasons left in
 * the `priority_overridden` timeline entries' data.
 */
export class SealedPriorityOverrideReason1766831000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE support_case ADD COLUMN priority_override_reason_sealed bytea`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Sealed text cannot be opened here (no key): down refuses rather than lose it.
    const [counted] = await queryRunner.manager.query<Array<{ sealed: string }>>(
      `SELECT count(*) AS sealed FROM support_case WHERE priority_override_reason_sealed IS NOT NULL`,
    );
    const { sealed } = present(counted, 'the count of sealed values');
    if (Number(sealed) > 0) throw new Error(`${sealed} cases hold a sealed priority override reason; reverting would lose it`);
    await queryRunner.query(`ALTER TABLE support_case DROP COLUMN priority_override_reason_sealed`);
  }
}
