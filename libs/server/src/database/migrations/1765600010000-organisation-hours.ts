import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organisation's time zone, weekly opening hours and holidays (organisation/). One row per
 * organisation, written when an admin first saves; until then the organisation runs on
 * DEFAULT_OPENING_HOURS from @sg/domain, so no row is seeded here and the defaults live in one place.
 * The slots and holidays are jsonb because they are always read and replaced whole, and validated
 * by the domain (validateOpeningHours) before they are written.
 */
export class OrganisationHours1765600010000 implements MigrationInterface {
  name = 'OrganisationHours1765600010000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organisation_hours (
        organisation_id uuid PRIMARY KEY CONSTRAINT organisation_hours_organisation_id_fkey REFERENCES organisation(id) ON DELETE CASCADE,
        time_zone text NOT NULL,
        weekly jsonb NOT NULL,
        holidays jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid CONSTRAINT organisation_hours_updated_by_fkey REFERENCES staff_user(id) ON DELETE SET NULL,
        CONSTRAINT organisation_hours_weekly_array CHECK (jsonb_typeof(weekly) = 'array'),
        CONSTRAINT organisation_hours_holidays_array CHECK (jsonb_typeof(holidays) = 'array')
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE organisation_hours`);
  }
}
