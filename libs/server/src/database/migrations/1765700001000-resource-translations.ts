import { RESOURCE_DIRECTORY_SEED_TEXTS } from '@sg/domain';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a person reads of a directory entry, in every person language. English stays in the
 * entry's own columns (name, contact, and now description and when_to_use); the other languages
 * sit beside them in one `translations` object, `{ ms: { name, description, whenToUse, contact },
 * es: {...} }`, with a missing field meaning "read the English one".
 *
 * A jsonb column rather than a child table: every read wants all languages at once (the person's
 * page switches language without asking again), so one row stays one row, the directory's
 * single SELECT and its cache stay as they are, and an admin's save is one UPDATE audited whole.
 *
 * The seeded entries get their texts from the seed, as the first install's migration does; only
 * entries still without any are filled, so nothing an admin wrote is ever replaced.
 */
export class ResourceTranslations1765700001000 implements MigrationInterface {
  name = 'ResourceTranslations1765700001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE resource_entry
        ADD COLUMN description text,
        ADD COLUMN when_to_use text,
        ADD COLUMN translations jsonb NOT NULL DEFAULT '{}'`);
    for (const [key, texts] of Object.entries(RESOURCE_DIRECTORY_SEED_TEXTS)) {
      await queryRunner.query(
        `UPDATE resource_entry SET description = $2, when_to_use = $3, translations = $4
         WHERE key = $1 AND description IS NULL AND when_to_use IS NULL AND translations = '{}'`,
        [key, texts.en.description, texts.en.whenToUse, JSON.stringify({ ms: texts.ms, es: texts.es })],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE resource_entry DROP COLUMN translations, DROP COLUMN when_to_use, DROP COLUMN description`);
  }
}
