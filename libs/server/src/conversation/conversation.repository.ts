import { MessageAuthor } from '@sg/contracts';
import { EntityManager } from 'typeorm';

/** A message row as stored: the words still sealed. */
export interface MessageRow {
  id: string;
  authorKind: MessageAuthor;
  authorId: string | null;
  authorName: string | null;
  bodySealed: Buffer;
  sentAt: Date;
  readByPersonAt: Date | null;
  nudgeStatus: 'pending' | 'sent' | 'undeliverable' | null;
}

/** A staff intake's transcript, sealed. */
export interface TranscriptRow {
  id: string;
  bodySealed: Buffer;
  recordedBy: string | null;
  recordedAt: Date;
  channel: string;
}

const MESSAGE_COLUMNS = `m.id, m.author_kind AS "authorKind", m.author_id AS "authorId", s.display_name AS "authorName",
  m.body_sealed AS "bodySealed", m.sent_at AS "sentAt", m.read_by_person_at AS "readByPersonAt", m.nudge_status AS "nudgeStatus"`;

/** Every statement of the conversation: messages, read positions. Sessions: case-access-session.repository.ts. */
export const conversationRepository = {
  /** The whole thread, oldest first (a conversation is short: tens of messages, not thousands). */
  list(manager: EntityManager, caseId: string): Promise<MessageRow[]> {
    return manager.query<MessageRow[]>(
      `SELECT ${MESSAGE_COLUMNS} FROM case_message m LEFT JOIN staff_user s ON s.id = m.author_id
        WHERE m.case_id = $1 ORDER BY m.sent_at, m.id`,
      [caseId],
    );
  },

  /**
   * The person's thread: the messages of the case their records live in (theirs, or the original
   * it was merged into) that are theirs: written by them or to them, never the other person's.
   */
  personList(manager: EntityManager, personCaseId: string): Promise<MessageRow[]> {
    return manager.query<MessageRow[]>(
      `SELECT ${MESSAGE_COLUMNS} FROM case_message m LEFT JOIN staff_user s ON s.id = m.author_id
        WHERE m.case_id = (SELECT COALESCE(merged_into, id) FROM support_case WHERE id = $1) AND COALESCE(m.origin_case_id, m.case_id) = $1
        ORDER BY m.sent_at, m.id`,
      [personCaseId],
    );
  },

  /**
   * Stores a message once per `clientMessageId`, in one statement: answers the row (new, or the one
   * a resend names) and whether it is new, so the caller does its side effects only once. The
   * caller holds the case row, so a concurrent resend's row is committed before this runs and visible.
   */
  async insertOnce(
    manager: EntityManager,
    message: {
      id: string;
      caseId: string;
      authorKind: MessageAuthor;
      authorId: string | null;
      clientMessageId: string;
      bodySealed: Buffer;
      originCaseId?: string | null;
    },
  ): Promise<{ created: boolean; row: MessageRow } | undefined> {
    const rows = await manager.query<Array<MessageRow & { created: boolean }>>(
      `WITH inserted AS (
         INSERT INTO case_message (id, case_id, author_kind, author_id, client_message_id, body_sealed, origin_case_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (case_id, client_message_id) DO NOTHING
         RETURNING *
       ), chosen AS (
         SELECT *, true AS created FROM inserted
         UNION ALL
         SELECT *, false AS created FROM case_message
          WHERE case_id = $2 AND client_message_id = $5 AND NOT EXISTS (SELECT 1 FROM inserted)
       )
       SELECT ${MESSAGE_COLUMNS}, m.created FROM chosen m LEFT JOIN staff_user s ON s.id = m.author_id`,
      [message.id, message.caseId, message.authorKind, message.authorId, message.clientMessageId, message.bodySealed, message.originCaseId ?? null],
    );
    const [found] = rows;
    if (!found) return undefined;
    const { created, ...row } = found;
    return { created, row };
  },

  /**
   * The first of the person's messages since staff last wrote: one notification per unanswered
   * run of messages, not one per message (it names the run in the notification's dedupe key).
   */
  async firstUnansweredPersonMessage(manager: EntityManager, caseId: string): Promise<string | undefined> {
    const rows = await manager.query<Array<{ id: string }>>(
      `SELECT m.id FROM case_message m
        WHERE m.case_id = $1 AND m.author_kind = 'person'
          AND m.sent_at >= COALESCE((SELECT max(sent_at) FROM case_message WHERE case_id = $1 AND author_kind = 'staff'), '-infinity')
        ORDER BY m.sent_at, m.id LIMIT 1`,
      [caseId],
    );
    return rows[0]?.id;
  },

  /** Moves this staff member's read position to `readAt` (never backwards). */
  async markReadByStaff(manager: EntityManager, caseId: string, staffId: string, readAt: Date): Promise<void> {
    await manager.query(
      `INSERT INTO case_message_read (case_id, staff_id, read_at) VALUES ($1, $2, $3)
       ON CONFLICT (case_id, staff_id) DO UPDATE SET read_at = GREATEST(case_message_read.read_at, EXCLUDED.read_at)`,
      [caseId, staffId, readAt],
    );
  },

  /** Marks every staff message to the person read (their own thread, as personList); answers how many were unread. */
  async markReadByPerson(manager: EntityManager, personCaseId: string): Promise<number> {
    const [, affected] = await manager.query<[unknown[], number]>(
      `UPDATE case_message SET read_by_person_at = now()
        WHERE case_id = (SELECT COALESCE(merged_into, id) FROM support_case WHERE id = $1) AND COALESCE(origin_case_id, case_id) = $1
          AND author_kind = 'staff' AND read_by_person_at IS NULL`,
      [personCaseId],
    );
    return affected;
  },

  /** A staff intake's transcript (call notes or chat), still sealed, with who recorded it and how the intake came. */
  async transcript(manager: EntityManager, caseId: string): Promise<TranscriptRow | undefined> {
    const rows = await manager.query<TranscriptRow[]>(
      `SELECT t.id, t.body_sealed AS "bodySealed", s.display_name AS "recordedBy", t.recorded_at AS "recordedAt", c.channel
         FROM case_transcript t JOIN support_case c ON c.id = t.case_id LEFT JOIN staff_user s ON s.id = t.recorded_by
        WHERE t.case_id = $1 ORDER BY t.recorded_at LIMIT 1`,
      [caseId],
    );
    return rows[0];
  },

  /** First contact: the first staff message (or recorded contact) stamps it, once. */
  async stampFirstContact(manager: EntityManager, caseId: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE support_case SET first_responded_at = $2, version = version + 1, updated_at = now() WHERE id = $1 AND first_responded_at IS NULL`,
      [caseId, at],
    );
  },
};
