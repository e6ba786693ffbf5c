import { MessageAuthor } from '@sg/contracts';
import { EntityManager } from 'typeorm';
import { unreadMessagesOf } from '../cases/case-queue.repository';

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

/** A staff thread read in one statement: the messages, this member of staff's unread count and the transcript. */
export interface StaffThread {
  messages: MessageRow[];
  unread: number;
  transcript: TranscriptRow | undefined;
}

/** The person's read: their messages as they stand once read, and how many of the team's this read marked. */
export interface PersonThread {
  messages: MessageRow[];
  marked: number;
}

/** Every column of T is NULL: the side of a LEFT JOIN that found nothing. */
type Absent<T> = { [K in keyof T]: null };

/** The transcript's columns in the staff thread's rows (named apart from the message's own). */
interface TranscriptColumns {
  transcriptId: string;
  transcriptBodySealed: Buffer;
  transcriptRecordedBy: string | null;
  transcriptRecordedAt: Date;
  transcriptChannel: string;
}

/**
 * A row of the staff thread's statement: one per message (or one with no message when there is
 * none), each with the unread count, and the transcript on the first row only (it is sealed text
 * of any length: once is enough).
 */
type StaffThreadRow = (MessageRow | Absent<MessageRow>) & (TranscriptColumns | Absent<TranscriptColumns>) & { unread: number };

/** `readByPersonAt`: the expression for that column (the person's read computes it from its own update). */
const messageColumns = (readByPersonAt = 'm.read_by_person_at') => `m.id, m.author_kind AS "authorKind", m.author_id AS "authorId",
  s.display_name AS "authorName", m.body_sealed AS "bodySealed", m.sent_at AS "sentAt", ${readByPersonAt} AS "readByPersonAt",
  m.nudge_status AS "nudgeStatus"`;
const MESSAGE_COLUMNS = messageColumns();

/** The message's own columns of a row that has others besides. */
const messageOf = ({ id, authorKind, authorId, authorName, bodySealed, sentAt, readByPersonAt, nudgeStatus }: MessageRow): MessageRow => ({
  id,
  authorKind,
  authorId,
  authorName,
  bodySealed,
  sentAt,
  readByPersonAt,
  nudgeStatus,
});

/** The case the person's records live in (their own, or the original theirs was merged into), `$1` their case. */
const PERSON_HOME = `(SELECT COALESCE(merged_into, id) FROM support_case WHERE id = $1)`;

/** A read position only moves forwards. */
const MOVE_READ_POSITION = `ON CONFLICT (case_id, staff_id) DO UPDATE SET read_at = GREATEST(case_message_read.read_at, EXCLUDED.read_at)`;

/** The first of the person's messages since staff last wrote in case `$2` (see insertOnce). */
const UNANSWERED_RUN_START = `(SELECT r.id FROM case_message r
  WHERE r.case_id = $2 AND r.author_kind = 'person'
    AND r.sent_at >= COALESCE((SELECT max(sent_at) FROM case_message WHERE case_id = $2 AND author_kind = 'staff'), '-infinity')
  ORDER BY r.sent_at, r.id LIMIT 1)`;

/** Every statement of the conversation: messages, read positions. Sessions: case-access-session.repository.ts. */
export const conversationRepository = {
  /**
   * The Conversation tab in one statement (one round trip where there were four): the whole
   * thread, oldest first (a conversation is short: tens of messages, not thousands), how many of
   * the person's messages `staffId` had not read (the queue row's predicate) and the staff
   * intake's transcript, still sealed; and their read position moved to `readAt`. The statement
   * reads as it was before its own write (a data-modifying WITH is not visible to its SELECT), so
   * the count is the one before this read, as the tab shows it.
   */
  async staffRead(manager: EntityManager, caseId: string, staffId: string, readAt: Date): Promise<StaffThread> {
    const rows = await manager.query<StaffThreadRow[]>(
      `WITH moved AS (
         INSERT INTO case_message_read (case_id, staff_id, read_at) VALUES ($1, $2, $3) ${MOVE_READ_POSITION}
       )
       SELECT m.id, m."authorKind", m."authorId", m."authorName", m."bodySealed", m."sentAt", m."readByPersonAt", m."nudgeStatus",
              (SELECT count(*)::int ${unreadMessagesOf('$1', '$2')}) AS unread,
              t."transcriptId", t."transcriptBodySealed", t."transcriptRecordedBy", t."transcriptRecordedAt", t."transcriptChannel"
         FROM (SELECT 1) AS always
         LEFT JOIN (SELECT ${MESSAGE_COLUMNS}, row_number() OVER (ORDER BY m.sent_at, m.id) AS n
                      FROM case_message m LEFT JOIN staff_user s ON s.id = m.author_id
                     WHERE m.case_id = $1) m ON true
         LEFT JOIN (SELECT t.id AS "transcriptId", t.body_sealed AS "transcriptBodySealed", s.display_name AS "transcriptRecordedBy",
                           t.recorded_at AS "transcriptRecordedAt", c.channel AS "transcriptChannel"
                      FROM case_transcript t JOIN support_case c ON c.id = t.case_id LEFT JOIN staff_user s ON s.id = t.recorded_by
                     WHERE t.case_id = $1 ORDER BY t.recorded_at LIMIT 1) t ON m.n IS NULL OR m.n = 1
        ORDER BY m.n`,
      [caseId, staffId, readAt],
    );
    const messages: MessageRow[] = [];
    let transcript: TranscriptRow | undefined;
    for (const row of rows) {
      if (row.id !== null) messages.push(messageOf(row));
      if (row.transcriptId !== null)
        transcript = {
          id: row.transcriptId,
          bodySealed: row.transcriptBodySealed,
          recordedBy: row.transcriptRecordedBy,
          recordedAt: row.transcriptRecordedAt,
          channel: row.transcriptChannel,
        };
    }
    return { messages, unread: rows[0]?.unread ?? 0, transcript };
  },

  /**
   * The person reads their thread: every staff message to them is marked read, and the thread is
   * answered as it stands after that, with how many this read marked, in one statement. Their
   * thread is the messages of the case their records live in (theirs, or the original it was
   * merged into) that are theirs: written by them or to them, never the other person's.
   *
   * The update's effects are not visible to the same statement's SELECT, so `readByPersonAt` is
   * taken from the update's RETURNING for the rows it marked. A message another read of the same
   * person marked at this very moment (a second tab) shows as the snapshot had it.
   */
  async personRead(manager: EntityManager, personCaseId: string): Promise<PersonThread> {
    const rows = await manager.query<Array<MessageRow & { marked: number }>>(
      `WITH marked AS (
         UPDATE case_message SET read_by_person_at = now()
          WHERE case_id = ${PERSON_HOME} AND COALESCE(origin_case_id, case_id) = $1
            AND author_kind = 'staff' AND read_by_person_at IS NULL
         RETURNING id, read_by_person_at
       )
       SELECT ${messageColumns('COALESCE(k.read_by_person_at, m.read_by_person_at)')}, (SELECT count(*)::int FROM marked) AS marked
         FROM case_message m LEFT JOIN marked k ON k.id = m.id LEFT JOIN staff_user s ON s.id = m.author_id
        WHERE m.case_id = ${PERSON_HOME} AND COALESCE(m.origin_case_id, m.case_id) = $1
        ORDER BY m.sent_at, m.id`,
      [personCaseId],
    );
    // Every row it marked is one of the rows listed (the same predicate and snapshot), so no rows means none marked.
    return { messages: rows.map(messageOf), marked: rows[0]?.marked ?? 0 };
  },

  /**
   * Stores a message once per `clientMessageId`, in one statement: answers the row (new, or the one
   * a resend names) and whether it is new, so the caller does its side effects only once. The
   * caller holds the case row, so a concurrent resend's row is committed before this runs and visible.
   *
   * A person's message also answers `runStart`: the first of the person's messages since staff
   * last wrote, the new one included (one notification per unanswered run of messages, not one
   * per message: it names the run in the notification's dedupe key). The statement cannot see its
   * own new row, so when no earlier message of the person's is unanswered the run starts with it.
   * A staff message answers null there; a new one moves its writer's read position to it (writing
   * means having read what came before), as a read of the thread does (staffRead).
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
  ): Promise<{ created: boolean; row: MessageRow; runStart: string | null } | undefined> {
    const rows = await manager.query<Array<MessageRow & { created: boolean; earlierRunStart: string | null }>>(
      `WITH inserted AS (
         INSERT INTO case_message (id, case_id, author_kind, author_id, client_message_id, body_sealed, origin_case_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (case_id, client_message_id) DO NOTHING
         RETURNING *
       ), writer_read AS (
         INSERT INTO case_message_read (case_id, staff_id, read_at)
         SELECT case_id, author_id, sent_at FROM inserted WHERE author_kind = 'staff'
         ${MOVE_READ_POSITION}
       ), chosen AS (
         SELECT *, true AS created FROM inserted
         UNION ALL
         SELECT *, false AS created FROM case_message
          WHERE case_id = $2 AND client_message_id = $5 AND NOT EXISTS (SELECT 1 FROM inserted)
       )
       SELECT ${MESSAGE_COLUMNS}, m.created, ${message.authorKind === 'person' ? UNANSWERED_RUN_START : 'NULL::uuid'} AS "earlierRunStart"
         FROM chosen m LEFT JOIN staff_user s ON s.id = m.author_id`,
      [message.id, message.caseId, message.authorKind, message.authorId, message.clientMessageId, message.bodySealed, message.originCaseId ?? null],
    );
    const [found] = rows;
    if (!found) return undefined;
    const { created, earlierRunStart, ...row } = found;
    return { created, row, runStart: message.authorKind === 'person' ? (earlierRunStart ?? row.id) : null };
  },

  /** First contact: the first staff message (or recorded contact) stamps it, once. */
  async stampFirstContact(manager: EntityManager, caseId: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE support_case SET first_responded_at = $2, version = version + 1, updated_at = now() WHERE id = $1 AND first_responded_at IS NULL`,
      [caseId, at],
    );
  },
};
