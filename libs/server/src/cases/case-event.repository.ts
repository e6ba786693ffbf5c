import { EntityManager } from 'typeorm';
import { CaseEventActor } from './case-children.entity';

/** A timeline entry to write. */
export interface NewCaseEvent {
  caseId: string;
  actorKind: CaseEventActor;
  actorId?: string | null;
  kind: string;
  data: Record<string, unknown>;
}

/**
 * Timeline writes. The person's own entries go through here; the other writers still hold their
 * own INSERT and move here with the typed timeline union (issue 9).
 */
export const caseEventRepository = {
  /** Writes the entry in the caller's transaction; answers its id. */
  async insert(manager: EntityManager, event: NewCaseEvent): Promise<string> {
    const rows = await manager.query<Array<{ id: string }>>(`INSERT INTO case_event (case_id, actor_kind, actor_id, kind, data) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
      event.caseId,
      event.actorKind,
      event.actorId ?? null,
      event.kind,
      JSON.stringify(event.data),
    ]);
    return String(rows[0]?.id);
  },
};
