import { IdentifierKind } from '@sg/domain/identifiers';
import { DataSource, EntityManager } from 'typeorm';
import { DataProtection } from '../security/data-protection';
import { caseIdentifierRepository } from './case-identifier.repository';

/**
 * What a purge leaves of a case's offender identifiers: their keyed hashes (HMAC with a key the
 * database does not hold) with how many purged cases held each, in purged_identifier; no value,
 * no case id, no reference. "Seen in N other cases" adds these counts, so it stays true after
 * the case it counted is gone (the decision pinned in issue 13).
 */

/** An identifier as the index holds it; a secret's `value` is already its keyed hash. */
interface HeldIdentifier {
  kind: IdentifierKind;
  value: string;
  secret: boolean;
}

/** The keyed hash an identifier is kept and matched by once its case is purged. */
export const purgedHashOf = (protection: DataProtection, identifier: HeldIdentifier): string =>
  identifier.secret ? identifier.value : protection.hashIdentifier(identifier.kind, identifier.value);

const keyOf = (identifier: Pick<HeldIdentifier, 'kind' | 'value'>) => `${identifier.kind}\u0000${identifier.value}`;

/** Before the cases go (the caller holds their rows): counts each of their identifiers once per case, by keyed hash. */
export async function keepPurgedIdentifiers(manager: EntityManager, protection: DataProtection, caseIds: readonly string[]): Promise<void> {
  const rows = await caseIdentifierRepository.forPurge(manager, caseIds);
  // forPurge answers each (case, kind, value) once: a case counts once per identifier however many records name it.
  await caseIdentifierRepository.addPurged(
    manager,
    rows.map((row) => ({ kind: row.kind, hash: purgedHashOf(protection, row) })),
  );
}

/** How many purged cases held each identifier, keyed `kind\0value` as given (absent: none). */
export async function purgedCasesHolding(
  db: DataSource | EntityManager,
  protection: DataProtection,
  identifiers: readonly HeldIdentifier[],
): Promise<Map<string, number>> {
  const hashed = identifiers.map((identifier) => ({ identifier, hash: purgedHashOf(protection, identifier) }));
  const counts = await caseIdentifierRepository.purgedCounts(
    db,
    hashed.map(({ identifier, hash }) => ({ kind: identifier.kind, hash })),
  );
  const byHash = new Map(counts.map((row) => [`${row.kind}\u0000${row.value_hash}`, row.cases]));
  const result = new Map<string, number>();
  for (const { identifier, hash } of hashed) {
    const cases = byHash.get(`${identifier.kind}\u0000${hash}`);
    if (cases) result.set(keyOf(identifier), cases);
  }
  return result;
}
