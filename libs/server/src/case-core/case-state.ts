import { NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseState, supportCaseRepository } from './support-case.repository';

export { CASE_ROW_LOCK } from './support-case.repository';
export type { CaseState } from './support-case.repository';

/** The case's state for a command; `lock` takes the row (CASE_ROW_LOCK). No such case: 404. */
export async function loadCaseState(manager: EntityManager, caseId: string, lock: boolean): Promise<CaseState> {
  const row = await supportCaseRepository.state(manager, caseId, lock);
  if (!row) throw new NotFoundException('No case with that id');
  return row;
}
