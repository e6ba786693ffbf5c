import { hash } from 'argon2';
import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS, DEMO_ORGANISATION } from './demo-accounts';

/**
 * Creates the demo organisation and its four accounts if they are missing. Existing rows are left
 * alone (a changed password stays changed), so running it on every start is safe.
 * The caller decides whether seeding is allowed; configuration refuses it in production.
 */
export async function seedDemoOrganisation(dataSource: DataSource, password: string): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const [organisation] = await manager.query(
      `INSERT INTO organisation (slug, name) VALUES ($1, $2)
       ON CONFLICT (slug) DO UPDATE SET slug = EXCLUDED.slug
       RETURNING id`,
      [DEMO_ORGANISATION.slug, DEMO_ORGANISATION.name],
    );
    let created = 0;
    for (const account of DEMO_ACCOUNTS) {
      const existing = await manager.query(`SELECT 1 FROM staff_user WHERE email = $1`, [account.email]);
      if (existing.length) continue;
      const passwordHash = await hash(password, { type: 2 /* argon2id */ });
      await manager.query(
        `INSERT INTO staff_user (organisation_id, email, display_name, role, password_hash)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (email) DO NOTHING`,
        [organisation.id, account.email, account.displayName, account.role, passwordHash],
      );
      created += 1;
    }
    return created;
  });
}
