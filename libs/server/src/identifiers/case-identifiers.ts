import { IdentifierKind, identifiersOfRecords, normaliseIdentifier } from '@sg/domain/identifiers';
import { EntityManager } from 'typeorm';
import { DataProtection } from '../security/data-protection';
import { caseIdentifierRepository } from './case-identifier.repository';
import { SEAL_CONTEXT } from '../security/seal-contexts';

/**
 * Brings a case's identifier index in step with its records (platforms, evidence, takedowns).
 * Call it in the transaction that changed them, after the change: it reads them back as they now are.
 */
export async function syncCaseIdentifiers(manager: EntityManager, caseId: string): Promise<void> {
  const records = await caseIdentifierRepository.records(manager, caseId);
  await caseIdentifierRepository.replaceDerived(manager, caseId, identifiersOfRecords(records));
}

/** The context a secret identifier's text is sealed to: it opens only as this case's. */
export const identifierSealContext = SEAL_CONTEXT.identifier;

/**
 * Records the identifiers a caseworker entered with a piece of evidence (already validated as
 * their kind): normalised, and a secret as its keyed hash with the text sealed to the case.
 */
export async function recordEnteredIdentifiers(
  manager: EntityManager,
  protection: DataProtection,
  caseId: string,
  evidenceId: string,
  entered: ReadonlyArray<{ kind: IdentifierKind; value: string }>,
): Promise<void> {
  const rows = entered.flatMap((raw): Array<{ kind: IdentifierKind; value: string; sealed: Buffer | null }> => {
    const identifier = normaliseIdentifier(raw.kind, raw.value);
    if (!identifier.ok) return [];
    return identifier.secret
      ? [
          {
            kind: identifier.kind,
            value: protection.hashIdentifier(identifier.kind, identifier.value),
            sealed: protection.seal(identifier.value, identifierSealContext(caseId)),
          },
        ]
      : [{ kind: identifier.kind, value: identifier.value, sealed: null }];
  });
  await caseIdentifierRepository.insertEntered(manager, caseId, evidenceId, rows);
}
