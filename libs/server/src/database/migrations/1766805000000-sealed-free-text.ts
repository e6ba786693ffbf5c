import { MigrationInterface, QueryRunner } from 'typeorm';
import { present } from '@sg/domain';

/**
 * Free text about a case sealed at rest like contact details and messages (security/data-protection.ts),
 * each bound to its row: the intake narrative, staff notes, evidence descriptions, and the person's
 * note on an addition (a timeline entry's free text, in `case_event.sealed`).
 *
 * A migration holds no key, so the text already stored is sealed by the worker's key job
 * (keys/reseal.ts) on its first run: one UPDATE per row writes the sealed copy and empties the
 * plain column together, so no row is half-written. The plain columns stay (nullable) for the
 * rows not yet sealed and are dropped by a later migration once every deployment has run the job.
 */
export class SealedFreeText1766805000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE support_case ADD COLUMN narrative_sealed bytea`);
    await queryRunner.query(`ALTER TABLE case_note ADD COLUMN body_sealed bytea`);
    await queryRunner.query(`ALTER TABLE case_note ALTER COLUMN body DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE case_note ADD CONSTRAINT case_note_body_present CHECK (body IS NOT NULL OR body_sealed IS NOT NULL)`);
    await queryRunner.query(`ALTER TABLE case_evidence ADD COLUMN description_sealed bytea`);
    await queryRunner.query(`ALTER TABLE case_evidence ALTER COLUMN description DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE case_evidence ADD CONSTRAINT case_evidence_description_present CHECK (description IS NOT NULL OR description_sealed IS NOT NULL)`,
    );
    await queryRunner.query(`ALTER TABLE case_event ADD COLUMN sealed bytea`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Sealed text cannot be opened here (no key): down refuses rather than lose it.
    const [counted] = await queryRunner.manager.query<Array<{ sealed: string }>>(
      `SELECT (SELECT count(*) FROM support_case WHERE narrative_sealed IS NOT NULL) + (SELECT count(*) FROM case_note WHERE body_sealed IS NOT NULL)
            + (SELECT count(*) FROM case_evidence WHERE description_sealed IS NOT NULL) + (SELECT count(*) FROM case_event WHERE sealed IS NOT NULL) AS sealed`,
    );
    const { sealed } = present(counted, 'the count of sealed values');
    if (Number(sealed) > 0) throw new Error(`${sealed} rows hold sealed free text; reverting would lose it`);
    await queryRunner.query(`ALTER TABLE case_event DROP COLUMN sealed`);
    await queryRunner.query(`ALTER TABLE case_evidence DROP CONSTRAINT case_evidence_description_present`);
    await queryRunner.query(`ALTER TABLE case_evidence ALTER COLUMN description SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE case_evidence DROP COLUMN description_sealed`);
    await queryRunner.query(`ALTER TABLE case_note DROP CONSTRAINT case_note_body_present`);
    await queryRunner.query(`ALTER TABLE case_note ALTER COLUMN body SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE case_note DROP COLUMN body_sealed`);
    await queryRunner.query(`ALTER TABLE support_case DROP COLUMN narrative_sealed`);
  }
}
