import { hash } from 'argon2';
import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS, DEMO_ORGANISATION } from './demo-accounts';
import { organisationRepository } from './organisation.repository';
import { staffUserRepository } from './staff-user.repository';

/**
 * Creates the demo organisation and its four accounts if they are missing. Existing rows are left
 * alone (a changed password stays changed), so running it on every start is safe.
 * The caller decides whether seeding is allowed; configuration refuses it in production.
 */
export async function seedDemoOrganisation(dataSource: DataSource, password: string): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const organisationId = await organisationRepository.ensureBySlug(manager, DEMO_ORGANISATION);
    let created = 0;
    for (const account of DEMO_ACCOUNTS) {
      if (await staffUserRepository.emailExists(manager, account.email)) continue;
      const passwordHash = await hash(password, { type: 2 /* argon2id */ });
      await staffUserRepository.insertIfMissing(manager, organisationId, {
        email: account.email,
        displayName: account.displayName,
        role: account.role,
        passwordHash,
      });
      created += 1;
    }
    return created;
  });
}
