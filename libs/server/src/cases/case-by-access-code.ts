import { EntityManager } from 'typeorm';
import { DataProtection } from '../security/data-protection';
import { PersonCaseRow, supportCaseRepository } from '../case-core/support-case.repository';

/**
 * The case behind a reference and access code, or null when either is wrong (which one is never
 * said). A code that matched a hash under an older access-code key is hashed again under the
 * current one while it is at hand: the only moment that can be done, since the code is not stored.
 */
export async function caseByAccessCode(
  manager: EntityManager,
  protection: DataProtection,
  reference: string,
  accessCode: string,
  lock: boolean,
): Promise<PersonCaseRow | null> {
  const found = await supportCaseRepository.byReference(manager, reference, lock);
  if (!found || !protection.accessCodeMatches(reference, accessCode, found.accessCodeHash)) return null;
  if (protection.accessCodeNeedsRehash(found.accessCodeHash)) {
    const rehashed = protection.hashAccessCode(reference, accessCode);
    await supportCaseRepository.replaceAccessCodeHash(manager, found.id, found.accessCodeHash, rehashed);
    return { ...found, accessCodeHash: rehashed };
  }
  return found;
}
