import { TakedownChannel, TakedownStatus, present } from '@sg/domain';
import { EntityManager } from 'typeorm';

/** A `takedown_request` row, every column (migrations 1764100000000 and 1765100000000). */
export interface TakedownRow {
  id: string;
  case_id: string;
  platform: string;
  /** The content's address; null when the request targets an account. */
  url: string | null;
  account: string | null;
  channel: TakedownChannel;
  status: TakedownStatus;
  ticket_number: string | null;
  submitted_at: Date | null;
  acknowledged_at: Date | null;
  removed_at: Date | null;
  rejected_at: Date | null;
  escalated_at: Date | null;
  reappeared_at: Date | null;
  /** Set on a request opened because removed content reappeared. */
  previous_request_id: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/** A takedown request as it is shown: the row and who created it. */
export interface TakedownListRow extends TakedownRow {
  created_by_name: string | null;
}

/** A takedown request as the follow-up planner needs it. */
export interface TakedownPlanningRow {
  id: string;
  status: TakedownStatus;
  submitted_at: Date | null;
  removed_at: Date | null;
}

/** What a change to a request sets; a key left out is left alone. */
export interface TakedownChange {
  /** The new status; its timestamp column is set the first time it is reached. */
  status?: TakedownStatus;
  ticketNumber?: string | null;
}

/** The timestamp column each status sets when it is reached. */
const STATUS_TIMESTAMP: Partial<Record<TakedownStatus, string>> = {
  submitted: 'submitted_at',
  acknowledged: 'acknowledged_at',
  removed: 'removed_at',
  rejected: 'rejected_at',
  escalated: 'escalated_at',
  reappeared: 'reappeared_at',
};

/** The partial unique index behind "one request per URL or account per platform". */
export const ONE_REQUEST_PER_TARGET = 'takedown_request_target_key';

/** The requests matching `where` with their creator's name, oldest first. */
function listWhere(manager: EntityManager, where: 't.case_id = $1' | 't.id = $1', params: unknown[]): Promise<TakedownListRow[]> {
  return manager.query<TakedownListRow[]>(
    `SELECT t.*, u.display_name AS created_by_name FROM takedown_request t LEFT JOIN staff_user u ON u.id = t.created_by WHERE ${where} ORDER BY t.created_at, t.id`,
    params,
  );
}

/** Takedown request SQL: requests, their lifecycle moves, and what the follow-up planner reads. */
export const takedownRepository = {
  /** A case's requests with their creator's name, oldest first. */
  listForCase(manager: EntityManager, caseId: string): Promise<TakedownListRow[]> {
    return listWhere(manager, `t.case_id = $1`, [caseId]);
  },

  /** One request with its creator's name; null when there is none with that id. */
  async listed(manager: EntityManager, takedownId: string): Promise<TakedownListRow | null> {
    return (await listWhere(manager, `t.id = $1`, [takedownId]))[0] ?? null;
  },

  /**
   * Adds a request; answers its id. A second request for the same URL or account on the same
   * platform fails with a unique violation on ONE_REQUEST_PER_TARGET, for the caller to explain.
   */
  async insert(
    manager: EntityManager,
    request: {
      caseId: string;
      platform: string;
      url: string | null;
      account: string | null;
      channel: TakedownChannel;
      ticketNumber: string | null;
      createdBy: string;
    },
  ): Promise<string> {
    const [row] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO takedown_request (case_id, platform, url, account, channel, ticket_number, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [request.caseId, request.platform, request.url, request.account, request.channel, request.ticketNumber, request.createdBy],
    );
    return present(row, 'the new takedown row').id;
  },

  /** A new request for content that came back after `previous` removed it (same case, platform, target and channel); answers its id. */
  async insertReopened(manager: EntityManager, previous: TakedownRow, createdBy: string): Promise<string> {
    const [reopened] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO takedown_request (case_id, platform, url, account, channel, previous_request_id, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [previous.case_id, previous.platform, previous.url, previous.account, previous.channel, previous.id, createdBy],
    );
    return present(reopened, 'the reopened takedown row').id;
  },

  /** A request locked for a change (its transaction holds it until commit); null when there is none with that id. */
  async lock(manager: EntityManager, takedownId: string): Promise<TakedownRow | null> {
    const rows = await manager.query<TakedownRow[]>(`SELECT * FROM takedown_request WHERE id = $1 FOR UPDATE`, [takedownId]);
    return rows[0] ?? null;
  },

  /**
   * Applies a change: the status (stamping the status's timestamp the first time it is reached)
   * and the ticket number, each only when given. Nothing given: nothing is written.
   */
  async update(manager: EntityManager, takedownId: string, change: TakedownChange): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [takedownId];
    if (change.status !== undefined) {
      sets.push(`status = $${params.push(change.status)}`);
      const stamp = STATUS_TIMESTAMP[change.status];
      if (stamp) sets.push(`${stamp} = COALESCE(${stamp}, now())`);
    }
    if (change.ticketNumber !== undefined) sets.push(`ticket_number = $${params.push(change.ticketNumber)}`);
    if (!sets.length) return;
    await manager.query(`UPDATE takedown_request SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
  },

  /** A case's requests as the follow-up planner needs them. */
  listForPlanning(manager: EntityManager, caseId: string): Promise<TakedownPlanningRow[]> {
    return manager.query<TakedownPlanningRow[]>(`SELECT id, status, submitted_at, removed_at FROM takedown_request WHERE case_id = $1`, [caseId]);
  },
};
