import { EntityManager } from 'typeorm';
import { present } from '@sg/domain';

/** Organisations (organisation): typed rows, SQL only here. */
export const organisationRepository = {
  /**
   * The id of the organisation with this slug, creating it if there is none. Safe to run on every
   * start: an existing organisation keeps its name. (The no-op DO UPDATE makes RETURNING answer
   * for an existing row too.)
   */
  async ensureBySlug(manager: EntityManager, organisation: { slug: string; name: string }): Promise<string> {
    const [row] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO organisation (slug, name) VALUES ($1, $2)
       ON CONFLICT (slug) DO UPDATE SET slug = EXCLUDED.slug
       RETURNING id`,
      [organisation.slug, organisation.name],
    );
    return present(row, 'the organisation row').id;
  },

  /** The name of the organisation running this installation (the first created), or null before there is one. */
  async installationName(manager: EntityManager): Promise<string | null> {
    const rows = await manager.query<Array<{ name: string }>>(`SELECT name FROM organisation ORDER BY created_at, id LIMIT 1`);
    return rows[0]?.name ?? null;
  },
};
