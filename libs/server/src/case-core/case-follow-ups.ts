import { PromptedFollowUpKind } from '@sg/domain';
import { DataSource, EntityManager } from 'typeorm';

/** Replans a case's follow-ups inside the change's transaction. */
export type Replan = (caseId: string) => Promise<void>;
/** Raises a prompted follow-up (due now) once per `dedupeKey`; its job is added after the commit. */
export type Prompt = (caseId: string, kind: PromptedFollowUpKind, dedupeKey: string) => Promise<void>;

/**
 * What a feature that changes a case needs from follow-ups: a transaction in which it may replan
 * the case and prompt a follow-up, whose jobs are enqueued after the commit. follow-ups/
 * (FollowUpScheduler) implements it and plans from takedowns and reports, so those features depend
 * on this, not on follow-ups/: the folders would otherwise import each other. Also the Nest token.
 */
export abstract class CaseFollowUps {
  abstract transaction<T>(dataSource: DataSource, work: (manager: EntityManager, replan: Replan, prompt: Prompt) => Promise<T>): Promise<T>;
}
