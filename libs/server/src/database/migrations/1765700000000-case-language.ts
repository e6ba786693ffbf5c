import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The language the person reads (issue 11): chosen at intake and changed on /my-case, it is the
 * language of their nudges. Cases from before spoke English, hence the default. The CHECK keeps
 * the column to the languages the catalogues have (LANGUAGES in @sg/domain).
 */
export class CaseLanguage1765700000000 implements MigrationInterface {
  name = 'CaseLanguage1765700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE support_case ADD COLUMN language text NOT NULL DEFAULT 'en' CONSTRAINT support_case_language_check CHECK ("language" IN ('en', 'ms', 'es'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE support_case DROP COLUMN language`);
  }
}
