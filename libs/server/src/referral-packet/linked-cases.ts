import { EntityManager } from 'typeorm';
import { StaffPrincipal } from '../auth/staff-principal';

/** A case linked to the packet's case, as the packet names it. */
export interface LinkedCaseReference {
  reference: string;
  /** Why the cases were linked (the link's required reason). */
  reason: string;
}

/**
 * Where the packet finds the case's linked cases. Case links are another feature's table: until
 * it exists the packet says "No linked cases." through `NO_LINKED_CASES`; that feature provides
 * its own source under `LINKED_CASES`.
 *
 * A source must answer only cases the viewer may open themselves (`case-access-policy.ts`): a
 * packet must not carry the reference of a case its requester could not open.
 */
export interface LinkedCasesSource {
  forPacket(manager: EntityManager, caseId: string, viewer: StaffPrincipal): Promise<LinkedCaseReference[]>;
}

export const LINKED_CASES = Symbol('LINKED_CASES');

export const NO_LINKED_CASES: LinkedCasesSource = {
  forPacket: () => Promise.resolve([]),
};
