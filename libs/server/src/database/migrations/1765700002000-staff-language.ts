import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each staff member's dashboard language (issue 11), kept with the account so it follows them to
 * any browser. English for every existing account; the CHECK lists STAFF_LANGUAGES from
 * @sg/domain (a new dashboard language needs a migration, as it needs a whole catalogue).
 */
export class StaffLanguage1765700002000 implements MigrationInterface {
  name = 'StaffLanguage1765700002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE staff_user
        ADD COLUMN language text NOT NULL DEFAULT 'en' CONSTRAINT staff_user_language_check CHECK ("language" IN ('en', 'ms'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE staff_user DROP COLUMN language`);
  }
}
