import { TimelineEvent } from '@sg/domain';
import { EntityManager } from 'typeorm';
import { CaseEventActor } from './case-children.entity';

/** A timeline entry to write: who did it, and what happened (one of the timeline union's kinds). */
export interface NewCaseEvent {
  caseId: string;
  actorKind: CaseEventActor;
  /** The member of staff, for `actorKind: 'staff'`. */
  actorId?: string | null;
  event: TimelineEvent;
  /** The entry's free text, sealed (case-free-text.ts sealTimelineFreeText); its fields are null in `event.data`. */
  sealed?: Buffer | null;
}

/** A timeline entry as the staff case page shows it, with the name of the member of staff who made it. */
export interface CaseEventRow {
  id: string;
  at: Date;
  actor_kind: CaseEventActor;
  actor_id: string | null;
  /** Text: a row may hold a kind this server's union does not know. */
  kind: string;
  data: Record<string, unknown>;
  /** The entry's free text, sealed (SEAL_CONTEXT.timeline); opened into `data` by withFreeText. */
  sealed: Buffer | null;
  actor_name: string | null;
}

/** One of the person's own additions, as their case page lists them. */
export interface PersonAdditionRow {
  at: Date;
  summary: string;
}

/**
 * The case timeline's SQL. Every timeline write goes through `insert` with a typed entry, except
 * the two single-statement hot paths (intake and a follow-up firing) that write theirs in SQL.
 */
export const caseEventRepository = {
  /** Writes the entry in the caller's transaction (so it commits with the change it records); answers its id. */
  async insert(manager: EntityManager, entry: NewCaseEvent): Promise<string> {
    const rows = await manager.query<Array<{ id: string }>>(
      `INSERT INTO case_event (case_id, actor_kind, actor_id, kind, data, sealed) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [entry.caseId, entry.actorKind, entry.actorId ?? null, entry.event.kind, JSON.stringify(entry.event.data), entry.sealed ?? null],
    );
    return String(rows[0]?.id);
  },

  /** The latest 500 entries of a case, newest first, for the staff case page. */
  recent(manager: EntityManager, caseId: string): Promise<CaseEventRow[]> {
    return manager.query<CaseEventRow[]>(
      `SELECT e.id, e.at, e.actor_kind, e.actor_id, e.kind, e.data, e.sealed, u.display_name AS actor_name
       FROM case_event e LEFT JOIN staff_user u ON u.id = e.actor_id
      WHERE e.case_id = $1 ORDER BY e.at DESC, e.id DESC LIMIT 500`,
      [caseId],
    );
  },

  /** The person's own last 50 additions, newest first: their case page shows what they told us (summaries only). */
  personAdditions(manager: EntityManager, caseId: string): Promise<PersonAdditionRow[]> {
    return manager.query<PersonAdditionRow[]>(
      `SELECT at, data->>'summary' AS summary FROM case_event
        WHERE case_id = $1 AND kind = 'person_added_information' ORDER BY at DESC, id DESC LIMIT 50`,
      [caseId],
    );
  },
};
