import { Language } from '@sg/domain';
import { EntityManager } from 'typeorm';

/** A pending nudge, locked, with what the worker needs to send it (the contact still sealed). */
export interface PendingNudgeRow {
  messageId: string;
  caseId: string;
  contactChannel: string;
  consentContact: boolean;
  contactSealed: Buffer | null;
  /** The language the nudge is written in. */
  language: Language;
}

/** Every statement about nudges (conversation/nudge.processor.ts explains them). */
export const nudgeRepository = {
  /**
   * Marks a new staff message's nudge pending when it should nudge the person, and answers whether
   * it did: they asked to be contacted by e-mail or SMS and left the detail, and no earlier nudged
   * message of ours is still unread (one nudge per unread run: three quick messages do not buzz a
   * phone three times).
   */
  async markPendingIfWanted(manager: EntityManager, caseId: string, messageId: string): Promise<boolean> {
    // An UPDATE answers [rows, affected] through TypeORM's driver.
    const [, affected] = await manager.query<[unknown[], number]>(
      `UPDATE case_message SET nudge_status = 'pending'
        WHERE id = $2
          AND EXISTS (SELECT 1 FROM support_case c
                       WHERE c.id = $1 AND c.consent_contact AND c.contact_channel IN ('email', 'sms') AND c.contact_sealed IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM case_message m WHERE m.case_id = $1 AND m.id <> $2 AND m.author_kind = 'staff'
                             AND m.read_by_person_at IS NULL AND m.nudge_status IN ('pending', 'sent'))
        RETURNING id`,
      [caseId, messageId],
    );
    return affected > 0;
  },

  /** The nudge, locked so two workers never send it twice; nothing when it is no longer pending. */
  async lockPending(manager: EntityManager, messageId: string): Promise<PendingNudgeRow | undefined> {
    const rows = await manager.query<PendingNudgeRow[]>(
      `SELECT m.id AS "messageId", m.case_id AS "caseId", c.contact_channel AS "contactChannel",
              c.consent_contact AS "consentContact", c.contact_sealed AS "contactSealed", c.language
         FROM case_message m JOIN support_case c ON c.id = m.case_id
        WHERE m.id = $1 AND m.nudge_status = 'pending'
          FOR UPDATE OF m`,
      [messageId],
    );
    return rows[0];
  },

  async finish(manager: EntityManager, messageId: string, status: 'sent' | 'undeliverable'): Promise<void> {
    await manager.query(`UPDATE case_message SET nudge_status = $2, nudged_at = now() WHERE id = $1`, [messageId, status]);
  },

  /** Pending nudges older than `olderThanSeconds`: their job was never added, or was lost. */
  async stalePending(manager: EntityManager, olderThanSeconds: number, limit: number): Promise<string[]> {
    const rows = await manager.query<Array<{ id: string }>>(
      `SELECT id FROM case_message WHERE nudge_status = 'pending' AND sent_at < now() - make_interval(secs => $1) ORDER BY sent_at LIMIT $2`,
      [olderThanSeconds, limit],
    );
    return rows.map((row) => row.id);
  },
};
