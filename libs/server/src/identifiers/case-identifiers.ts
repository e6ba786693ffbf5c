import { identifiersOfRecords } from '@sg/domain';
import { EntityManager } from 'typeorm';
import { caseIdentifierRepository } from './case-identifier.repository';

/**
 * Brings a case's identifier index in step with its records (platforms, evidence, takedowns).
 * Call it in the transaction that changed them, after the change: it reads them back as they now are.
 */
export async function syncCaseIdentifiers(manager: EntityManager, caseId: string): Promise<void> {
  const records = await caseIdentifierRepository.records(manager, caseId);
  await caseIdentifierRepository.replaceDerived(manager, caseId, identifiersOfRecords(records));
}
