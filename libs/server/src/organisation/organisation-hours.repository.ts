import { Holiday, OpeningSlot, present } from '@sg/domain';
import { EntityManager } from 'typeorm';

/** An organisation and its saved hours; the hours columns are null while it runs on the defaults. */
export interface OrganisationHoursLookupRow {
  organisationId: string;
  timeZone: string | null;
  weekly: OpeningSlot[] | null;
  holidays: Holiday[] | null;
  updatedAt: Date | null;
}

export interface SavedOrganisationHoursRow {
  organisationId: string;
  timeZone: string;
  weekly: OpeningSlot[];
  holidays: Holiday[];
  updatedAt: Date;
}

const HOURS = `h.time_zone AS "timeZone", h.weekly, h.holidays, h.updated_at AS "updatedAt"`;

/** Every statement about organisations' opening hours. */
export const organisationHoursRepository = {
  /** The hours of the organisation this member of staff belongs to. Undefined if the account is gone. */
  async findForStaff(manager: EntityManager, staffId: string): Promise<OrganisationHoursLookupRow | undefined> {
    const rows = await manager.query<OrganisationHoursLookupRow[]>(
      `SELECT s.organisation_id AS "organisationId", ${HOURS}
         FROM staff_user s LEFT JOIN organisation_hours h ON h.organisation_id = s.organisation_id
        WHERE s.id = $1`,
      [staffId],
    );
    return rows[0];
  },

  /**
   * The hours of the organisation running this installation (the first one created): what intake,
   * triage and the public pages use, where no member of staff is asking. Undefined before any
   * organisation exists.
   */
  async findForInstallation(manager: EntityManager): Promise<OrganisationHoursLookupRow | undefined> {
    const rows = await manager.query<OrganisationHoursLookupRow[]>(
      `SELECT o.id AS "organisationId", ${HOURS}
         FROM organisation o LEFT JOIN organisation_hours h ON h.organisation_id = o.id
        ORDER BY o.created_at, o.id LIMIT 1`,
    );
    return rows[0];
  },

  /** Replaces the organisation's hours whole (the first save inserts them). */
  async save(
    manager: EntityManager,
    organisationId: string,
    hours: { timeZone: string; weekly: OpeningSlot[]; holidays: Holiday[]; updatedBy: string },
  ): Promise<SavedOrganisationHoursRow> {
    const rows = await manager.query<SavedOrganisationHoursRow[]>(
      `INSERT INTO organisation_hours AS h (organisation_id, time_zone, weekly, holidays, updated_by)
       VALUES ($1, $2, $3::jsonb, $4::jsonb, $5)
       ON CONFLICT (organisation_id) DO UPDATE
         SET time_zone = EXCLUDED.time_zone, weekly = EXCLUDED.weekly, holidays = EXCLUDED.holidays, updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING h.organisation_id AS "organisationId", ${HOURS}`,
      [organisationId, hours.timeZone, JSON.stringify(hours.weekly), JSON.stringify(hours.holidays), hours.updatedBy],
    );
    return present(rows[0], 'the saved opening hours');
  },
};
