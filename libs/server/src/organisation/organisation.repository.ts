import { EntityManager } from 'typeorm';

/** Statements about the organisation itself, shared by the settings that hang off it (hours, retention). */
export const organisationRepository = {
  /**
   * Locks the organisation of this member of staff for a change of one of its settings, so two
   * admins saving at once write their audit rows in turn, each with the true before-image (there
   * may be no settings row to lock yet). Its id, or undefined if the account is gone.
   */
  async lockOrganisationOf(manager: EntityManager, staffId: string): Promise<string | undefined> {
    const rows = await manager.query<Array<{ id: string }>>(
      `SELECT o.id FROM organisation o JOIN staff_user s ON s.organisation_id = o.id WHERE s.id = $1 FOR UPDATE OF o`,
      [staffId],
    );
    return rows[0]?.id;
  },
};
