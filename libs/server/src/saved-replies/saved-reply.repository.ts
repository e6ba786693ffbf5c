import { EntityManager } from 'typeorm';

/** A saved reply as the API answers it. */
export interface SavedReplyViewRow {
  id: string;
  title: string;
  body: string;
  active: boolean;
  updatedAt: Date;
}

const COLUMNS = `id, title, body, active, updated_at AS "updatedAt"`;

/** Every statement about saved replies. */
export const savedReplyRepository = {
  /** Active ones by title (what caseworkers pick from), or all with the active first (the admin page). */
  list(manager: EntityManager, includeInactive: boolean): Promise<SavedReplyViewRow[]> {
    return manager.query<SavedReplyViewRow[]>(`SELECT ${COLUMNS} FROM saved_reply ${includeInactive ? '' : 'WHERE active'} ORDER BY active DESC, lower(title)`);
  },

  async insert(manager: EntityManager, reply: { title: string; body: string; active: boolean; updatedBy: string }): Promise<SavedReplyViewRow> {
    const rows = await manager.query<SavedReplyViewRow[]>(
      `INSERT INTO saved_reply (title, body, active, updated_by) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [reply.title, reply.body, reply.active, reply.updatedBy],
    );
    return rows[0] as SavedReplyViewRow;
  },

  /** The reply, locked for a change (its before-image goes to the audit log). */
  async lock(manager: EntityManager, id: string): Promise<SavedReplyViewRow | undefined> {
    const rows = await manager.query<SavedReplyViewRow[]>(`SELECT ${COLUMNS} FROM saved_reply WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0];
  },

  async update(manager: EntityManager, id: string, reply: { title: string; body: string; active: boolean; updatedBy: string }): Promise<SavedReplyViewRow> {
    const [rows] = await manager.query<[SavedReplyViewRow[], number]>(
      `UPDATE saved_reply SET title = $2, body = $3, active = $4, updated_by = $5, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, reply.title, reply.body, reply.active, reply.updatedBy],
    );
    return rows[0] as SavedReplyViewRow;
  },
};
