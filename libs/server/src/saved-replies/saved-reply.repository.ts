import type { SavedReplyTranslations } from '@sg/contracts';
import { EntityManager } from 'typeorm';
import { present } from '@sg/domain';

/** A saved reply as the API answers it (before the fallback flags are worked out). */
export interface SavedReplyViewRow {
  id: string;
  title: string;
  body: string;
  translations: SavedReplyTranslations;
  active: boolean;
  updatedAt: Date;
}

/** What a write stores: English in the reply's own columns, the other languages beside them. */
export interface SavedReplyValues {
  title: string;
  body: string;
  translations: SavedReplyTranslations;
  active: boolean;
  updatedBy: string;
}

const COLUMNS = `id, title, body, translations, active, updated_at AS "updatedAt"`;

/** Every statement about saved replies. */
export const savedReplyRepository = {
  /** Active ones by title (what caseworkers pick from), or all with the active first (the admin page). */
  list(manager: EntityManager, includeInactive: boolean): Promise<SavedReplyViewRow[]> {
    return manager.query<SavedReplyViewRow[]>(`SELECT ${COLUMNS} FROM saved_reply ${includeInactive ? '' : 'WHERE active'} ORDER BY active DESC, lower(title)`);
  },

  async insert(manager: EntityManager, reply: SavedReplyValues): Promise<SavedReplyViewRow> {
    const rows = await manager.query<SavedReplyViewRow[]>(
      `INSERT INTO saved_reply (title, body, translations, active, updated_by) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [reply.title, reply.body, JSON.stringify(reply.translations), reply.active, reply.updatedBy],
    );
    return present(rows[0], 'the saved reply row');
  },

  /** The reply, locked for a change (its before-image goes to the audit log). */
  async lock(manager: EntityManager, id: string): Promise<SavedReplyViewRow | undefined> {
    const rows = await manager.query<SavedReplyViewRow[]>(`SELECT ${COLUMNS} FROM saved_reply WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0];
  },

  async update(manager: EntityManager, id: string, reply: SavedReplyValues): Promise<SavedReplyViewRow> {
    const [rows] = await manager.query<[SavedReplyViewRow[], number]>(
      `UPDATE saved_reply SET title = $2, body = $3, translations = $4, active = $5, updated_by = $6, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, reply.title, reply.body, JSON.stringify(reply.translations), reply.active, reply.updatedBy],
    );
    return present(rows[0], 'the saved reply row');
  },
};
