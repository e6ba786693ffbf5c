import {
  CaseStatus,
  FollowUpAudience,
  FollowUpKind,
  FollowUpStatus,
  FollowUpSubjectType,
  PlannedFollowUp,
  Priority,
  PROMPTED_FOLLOW_UP_KINDS,
} from '@sg/domain';
import { DataSource, EntityManager } from 'typeorm';
import { CASE_ROW_LOCK } from '../case-core/case-state';
import { CASE_CHANGES_CHANNEL } from '../case-core/case-notifier';
import { runPrepared } from '../database/prepared-statement';
import { IS_CASE_ACTIVITY } from './case-activity';
import { FollowUpJobRequest, MARK_ENQUEUED_SQL } from './fire-jobs';

/** How far ahead the sweep looks for scheduled follow-ups whose job may have been lost. */
const SWEEP_HORIZON = `interval '2 minutes'`;
/** Clocks of workers and database differ a little: a job this early still fires. */
const CLOCK_TOLERANCE = `interval '1 second'`;

/**
 * A scheduled follow-up this far past due should have fired: the sweep checks its job (failed
 * for good, finished without firing, or gone with a queue backend that lost its data).
 */
const STUCK_AFTER = `interval '10 seconds'`;
/** How many stuck jobs one sweep inspects (each is a round trip or two to the backend). */
const RECOVER_LIMIT = 500;

/** A follow-up row as the job planner needs it. */
export interface FollowUpScheduleRow {
  id: string;
  due_at: Date;
  revision: number;
}

/** A follow-up the case's plan owns, as the planner compares it with what the plan wants. */
export interface PlannedFollowUpRow {
  id: string;
  dedupe_key: string;
  status: FollowUpStatus;
  due_at: Date;
}

/** The case as the follow-up planner sees it, with the activity the closure offer counts from. */
export interface CasePlanningRow {
  id: string;
  priority: Priority;
  status: CaseStatus;
  created_at: Date;
  deadline_at: Date | null;
  assignee_id: string | null;
  first_responded_at: Date | null;
  first_response_due_at: Date;
  /** When the stored triage was computed: deadline re-triages are wanted only for thresholds after it. */
  triaged_at: Date;
  /** The latest staff or person entry on the timeline, the intake or the last closure offer. */
  last_activity_at: Date;
  closure_offers_made: number;
}

/** One follow-up to fire: revision `revision` of it (any revision when null, for jobs queued before revisions). */
export interface FireRequest {
  followUpId: string;
  revision: number | null;
}

/** What the fire statement answers for each follow-up. */
export interface FireRow {
  /** True when this statement fired the follow-up, false when it did nothing. */
  fired: boolean;
  /** Another transaction held the follow-up, so this statement left it alone (never when it waits): fire it on its own. */
  locked: boolean;
  /** The people told by this fire (each told once, ever). */
  told: Array<{ recipientId: string }> | null;
  follow_up: { id: string; caseId: string; kind: FollowUpKind } | null;
  reference: string | null;
}

/** What a fire needs to say why it did nothing. */
export interface NotFiredRow {
  id: string;
  case_id: string;
  kind: FollowUpKind;
  status: FollowUpStatus;
  revision: number;
  due_at: Date;
  /** Not due yet by the database's clock (beyond the tolerance). */
  early: boolean;
  reference: string;
}

/** A deadline re-triage this call claimed: `at` is the moment to triage as of (never before it was due). */
export interface ClaimedRetriageRow {
  id: string;
  case_id: string;
  at: Date;
}

/** A case's follow-up for its follow-up list, with words for what it is about. */
export interface CaseFollowUpRow {
  id: string;
  kind: FollowUpKind;
  due_at: Date;
  status: FollowUpStatus;
  subject_type: FollowUpSubjectType;
  subject_id: string;
  fired_at: Date | null;
  done_at: Date | null;
  /** The case reference, the takedown's platform and target, or the report's agency. */
  subject_label: string;
}

/**
 * The fire statement, for many follow-ups at once ($1 ids, $4 revisions, null for any; $2 the
 * titles by kind, $3 the live channel, $5 the closure offer's quiet period in ms). `held` takes
 * each follow-up's row first: with SKIP LOCKED it never waits for one (see `fire` below).
 */
function fireStatement(lock: 'FOR NO KEY UPDATE' | 'FOR NO KEY UPDATE SKIP LOCKED'): string {
  return `WITH input AS (
       SELECT r.id, r.revision, r.n FROM unnest($1::uuid[], $4::int[]) WITH ORDINALITY AS r(id, revision, n)
     ), held AS (
       SELECT f.id FROM follow_up f WHERE f.id = ANY($1::uuid[]) ${lock}
     ), fired AS (
       -- Cancelled, done, already fired, or moved later (a newer revision has its own job): no row, nothing happens.
       -- A closure offer does not fire if there was activity on the case since its anchor (activity that did not replan).
       UPDATE follow_up SET status = 'fired', fired_at = now(), updated_at = now()
         FROM input i
        WHERE follow_up.id = i.id AND follow_up.id IN (SELECT id FROM held)
          AND follow_up.status = 'scheduled' AND (i.revision IS NULL OR follow_up.revision = i.revision) AND follow_up.due_at <= now() + ${CLOCK_TOLERANCE}
          -- A deadline re-triage is claimed with the case held and re-triaged in the same transaction (claimDeadlineRetriage).
          AND follow_up.kind <> 'deadline_retriage'
          -- CASE, so only closure offers pay for the look-up (AND does not promise to short-circuit).
          AND CASE WHEN follow_up.kind = 'closure_offer' THEN NOT EXISTS (
                SELECT 1 FROM case_event e WHERE e.case_id = follow_up.case_id AND ${IS_CASE_ACTIVITY}
                   -- Later than the anchor, to the millisecond as the planner counted (timestamps carry microseconds).
                   AND e.at >= follow_up.due_at - make_interval(secs => $5::float8 / 1000) + interval '1 millisecond')
              ELSE true END
       RETURNING follow_up.id, follow_up.case_id, follow_up.kind, follow_up.audience
     ), subject AS (
       SELECT f.id AS follow_up_id, c.id, c.reference, c.priority, c.status, c.assignee_id, u.id AS active_assignee
         FROM fired f JOIN support_case c ON c.id = f.case_id
         LEFT JOIN staff_user u ON u.id = c.assignee_id AND u.active
     ), recipients AS (
       -- The person holding the case; escalations, and follow-ups for a case nobody holds, go to every supervisor.
       SELECT f.id AS follow_up_id, s.active_assignee AS id FROM fired f JOIN subject s ON s.follow_up_id = f.id
        WHERE f.audience IN ('assignee', 'assignee_and_supervisors') AND s.active_assignee IS NOT NULL
       UNION
       SELECT f.id, u.id FROM fired f JOIN subject s ON s.follow_up_id = f.id, staff_user u
        WHERE u.active AND u.role = 'supervisor' AND (f.audience IN ('supervisors', 'assignee_and_supervisors') OR s.active_assignee IS NULL)
     ), everyone AS (
       -- Nobody to tell (no active holder, no active supervisor): the admins, so it reaches someone.
       SELECT follow_up_id, id FROM recipients
       UNION
       SELECT f.id, u.id FROM fired f, staff_user u
        WHERE u.active AND u.role = 'admin' AND NOT EXISTS (SELECT 1 FROM recipients r WHERE r.follow_up_id = f.id)
     ), told AS (
       INSERT INTO notification (recipient_id, follow_up_id, case_id, kind, title, as_holder)
       SELECT r.id, f.id, f.case_id, f.kind, coalesce($2::jsonb ->> f.kind, f.kind), r.id IS NOT DISTINCT FROM s.active_assignee
         FROM everyone r JOIN fired f ON f.id = r.follow_up_id JOIN subject s ON s.follow_up_id = f.id
       ON CONFLICT (follow_up_id, recipient_id) DO NOTHING
       RETURNING id, recipient_id, follow_up_id
     ), timeline AS (
       INSERT INTO case_event (case_id, actor_kind, kind, data)
       SELECT f.case_id, 'system', 'follow_up_fired', jsonb_build_object('followUpId', f.id, 'kind', f.kind) FROM fired f
     ), announced AS (
       SELECT pg_notify($3, json_build_object('type', 'notification.created', 'id', t.id, 'recipientId', t.recipient_id, 'at', now())::text) FROM told t
       UNION ALL
       -- Open case pages refresh their follow-ups (once per case, however many of its follow-ups fired).
       SELECT pg_notify($3, json_build_object('type', 'case.updated', 'caseId', s.id, 'reference', s.reference, 'priority', s.priority,
                                              'status', s.status, 'assigneeId', s.assignee_id, 'at', now())::text)
         FROM (SELECT DISTINCT id, reference, priority, status, assignee_id FROM subject) s
     )
     SELECT f.id IS NOT NULL AS fired,
            NOT EXISTS (SELECT 1 FROM held h WHERE h.id = i.id) AS locked,
            -- The commit does not wait for its WAL to reach disk. NOTIFY serialises committing
            -- transactions database-wide until they are flushed, so waiting made every fire queue
            -- behind the disk. Nothing can be lost: the jobs' completions commit after this, with
            -- a flush, and WAL is flushed in order; if the database dies first, all are undone
            -- and the jobs run again.
            set_config('synchronous_commit', 'off', true) AS async_commit,
            (SELECT count(*)::int FROM announced) AS announced,
            (SELECT json_agg(json_build_object('recipientId', t.recipient_id)) FROM told t WHERE t.follow_up_id = i.id) AS told,
            CASE WHEN f.id IS NOT NULL THEN json_build_object('id', f.id, 'caseId', f.case_id, 'kind', f.kind) END AS follow_up,
            s.reference
       FROM input i LEFT JOIN fired f ON f.id = i.id LEFT JOIN subject s ON s.follow_up_id = i.id
      ORDER BY i.n`;
}
const FIRE_WAITING_SQL = fireStatement('FOR NO KEY UPDATE');
const FIRE_SKIPPING_LOCKED_SQL = fireStatement('FOR NO KEY UPDATE SKIP LOCKED');

/** Follow-up SQL: planning, firing, the sweep and the case's follow-up list. */
export const followUpRepository = {
  /**
   * A case's follow-ups that its plan owns, locked for replanning. Prompted ones (raised by
   * something that happened) are not the plan's to move or cancel.
   */
  lockPlanned(manager: EntityManager, caseId: string): Promise<PlannedFollowUpRow[]> {
    return manager.query<PlannedFollowUpRow[]>(
      `SELECT id, dedupe_key, status, due_at FROM follow_up WHERE case_id = $1 AND kind <> ALL($2::text[]) FOR UPDATE`,
      [caseId, PROMPTED_FOLLOW_UP_KINDS],
    );
  },

  /** A follow-up due now on the case itself; nothing when one with `dedupeKey` exists already. */
  insertDueNow(
    manager: EntityManager,
    followUp: { caseId: string; kind: FollowUpKind; dedupeKey: string; audience: FollowUpAudience },
  ): Promise<FollowUpScheduleRow[]> {
    return manager.query<FollowUpScheduleRow[]>(
      `INSERT INTO follow_up (case_id, kind, subject_type, subject_id, dedupe_key, audience, due_at)
       VALUES ($1, $2, 'case', $1, $3, $4, now())
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id, due_at, revision`,
      [followUp.caseId, followUp.kind, followUp.dedupeKey, followUp.audience],
    );
  },

  /**
   * The case to plan, locked with the lock every command on a case takes, so two plans of one
   * case never interleave. Last activity for the closure offer: the latest staff or person entry
   * on the timeline (the calling change's own entry included), the intake, or the last closure
   * offer, whichever is latest. Null when there is no such case.
   */
  async lockCaseForPlanning(manager: EntityManager, caseId: string): Promise<CasePlanningRow | null> {
    const rows = await manager.query<CasePlanningRow[]>(
      `SELECT c.id, c.priority, c.status, c.created_at, c.deadline_at, c.assignee_id, c.first_responded_at, c.first_response_due_at, c.triaged_at,
              greatest(c.created_at,
                       (SELECT max(e.at) FROM case_event e WHERE e.case_id = c.id AND ${IS_CASE_ACTIVITY}),
                       (SELECT max(f.fired_at) FROM follow_up f WHERE f.case_id = c.id AND f.kind = 'closure_offer' AND f.status IN ('fired', 'done'))) AS last_activity_at,
              (SELECT count(*)::int FROM follow_up f WHERE f.case_id = c.id AND f.kind = 'closure_offer' AND f.status IN ('fired', 'done')) AS closure_offers_made
         FROM support_case c WHERE c.id = $1 ${CASE_ROW_LOCK}`,
      [caseId],
    );
    return rows[0] ?? null;
  },

  /**
   * Schedules a planned follow-up. Revives a cancelled row with the same key (a new revision, so
   * a new job); never touches one that fired or is done (then no row comes back).
   */
  upsertScheduled(manager: EntityManager, caseId: string, followUp: PlannedFollowUp): Promise<FollowUpScheduleRow[]> {
    return manager.query<FollowUpScheduleRow[]>(
      `INSERT INTO follow_up (case_id, kind, subject_type, subject_id, dedupe_key, audience, due_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (dedupe_key) DO UPDATE SET status = 'scheduled', due_at = EXCLUDED.due_at, audience = EXCLUDED.audience,
           revision = follow_up.revision + 1, cancelled_at = NULL, updated_at = now()
           WHERE follow_up.status IN ('scheduled', 'cancelled')
         RETURNING id, due_at, revision`,
      [caseId, followUp.kind, followUp.subject.type, followUp.subject.id, followUp.dedupeKey, followUp.audience, followUp.dueAt],
    );
  },

  /** Cancels a follow-up the plan no longer wants, if it is still only scheduled. */
  async cancelScheduled(manager: EntityManager, followUpId: string): Promise<void> {
    await manager.query(`UPDATE follow_up SET status = 'cancelled', cancelled_at = now(), updated_at = now() WHERE id = $1 AND status = 'scheduled'`, [
      followUpId,
    ]);
  },

  /** Moves a still-scheduled follow-up to `dueAt` as a new revision (so a new job); no row when it is no longer scheduled. */
  async reschedule(manager: EntityManager, followUpId: string, dueAt: Date): Promise<FollowUpScheduleRow[]> {
    // An UPDATE answers [rows, affected count].
    const [rows] = await manager.query<[FollowUpScheduleRow[] | undefined, number]>(
      `UPDATE follow_up SET due_at = $2, revision = revision + 1, updated_at = now() WHERE id = $1 AND status = 'scheduled' RETURNING id, due_at, revision`,
      [followUpId, dueAt],
    );
    return rows ?? [];
  },

  /**
   * Marks which revision of each follow-up has its job, so the sweep skips them. The statement is
   * shared with the benchmark (fire-jobs.ts).
   */
  async markEnqueued(dataSource: DataSource, requests: readonly FollowUpJobRequest[]): Promise<void> {
    await dataSource.query(MARK_ENQUEUED_SQL, [requests.map((r) => r.id), requests.map((r) => r.revision)]);
  },

  /**
   * Fires several follow-ups in one prepared statement (one round trip, one plan per connection,
   * one commit), each revision `revision` (any revision when null): claim each, tell each person
   * once, put each on its case's timeline and announce it. If any part fails, none of it happened,
   * for any of them. One row per request, in the order given.
   *
   * `wait: false` leaves alone a follow-up another transaction holds (another worker firing it, a
   * replan moving it) and answers it `locked`, so the statement never waits on a follow-up's row
   * while holding others (two workers' statements, or one and a replan, could otherwise deadlock);
   * the caller fires those on their own. `wait: true` waits for the row, as a single fire always
   * has: only for one request, which holds nothing else. A follow-up must not appear twice.
   * `labels` gives each kind's notification title; `closureOfferMs` is the closure offer's quiet
   * period, so activity since its anchor stops it.
   */
  async fire(
    dataSource: DataSource,
    input: { requests: readonly FireRequest[]; wait: boolean; labels: Readonly<Record<string, string>>; closureOfferMs: number },
  ): Promise<FireRow[]> {
    const rows = await runPrepared<FireRow>(
      dataSource,
      input.wait ? 'fire-follow-ups-waiting' : 'fire-follow-ups',
      input.wait ? FIRE_WAITING_SQL : FIRE_SKIPPING_LOCKED_SQL,
      [
        input.requests.map((r) => r.followUpId),
        JSON.stringify(input.labels),
        CASE_CHANGES_CHANNEL,
        input.requests.map((r) => r.revision),
        input.closureOfferMs,
      ],
    );
    if (rows.length !== input.requests.length) throw new Error(`The fire statement answered ${rows.length} rows for ${input.requests.length} follow-ups`);
    return rows;
  },

  /**
   * Claims a deadline re-triage, the same conditional move to `fired` as `fire`, in the caller's
   * transaction, which must already hold the case (CASE_ROW_LOCK, as replanning does first): so
   * the re-triage it does commits with the claim, and a second worker waits, then matches no row.
   */
  async claimDeadlineRetriage(manager: EntityManager, input: { followUpId: string; revision: number | null }): Promise<ClaimedRetriageRow | null> {
    // An UPDATE answers [rows, affected count].
    const [rows] = await manager.query<[ClaimedRetriageRow[] | undefined, number]>(
      `UPDATE follow_up SET status = 'fired', fired_at = now(), updated_at = now()
        WHERE id = $1 AND kind = 'deadline_retriage' AND status = 'scheduled' AND ($2::int IS NULL OR revision = $2) AND due_at <= now() + ${CLOCK_TOLERANCE}
        RETURNING id, case_id, greatest(now(), due_at) AS at`,
      [input.followUpId, input.revision],
    );
    return rows?.[0] ?? null;
  },

  /**
   * Tells the people a fired follow-up of the case is for (its audience, as `fire` decides it:
   * the holder, the supervisors, the admins when there is nobody else), once each, with `title`;
   * announces each notification. Answers who was told.
   */
  async notifyFired(manager: EntityManager, input: { followUpId: string; title: string }): Promise<Array<{ recipientId: string }>> {
    const rows = await manager.query<Array<{ recipientId: string; announced: string }>>(
      `WITH fired AS (
         SELECT id, case_id, kind, audience FROM follow_up WHERE id = $1 AND status = 'fired'
       ), subject AS (
         SELECT c.id, u.id AS active_assignee
           FROM fired JOIN support_case c ON c.id = fired.case_id
           LEFT JOIN staff_user u ON u.id = c.assignee_id AND u.active
       ), recipients AS (
         SELECT s.active_assignee AS id FROM fired f, subject s WHERE f.audience IN ('assignee', 'assignee_and_supervisors') AND s.active_assignee IS NOT NULL
         UNION
         SELECT u.id FROM fired f, subject s, staff_user u
          WHERE u.active AND u.role = 'supervisor' AND (f.audience IN ('supervisors', 'assignee_and_supervisors') OR s.active_assignee IS NULL)
       ), everyone AS (
         SELECT id FROM recipients
         UNION
         SELECT u.id FROM fired f, staff_user u WHERE u.active AND u.role = 'admin' AND NOT EXISTS (SELECT 1 FROM recipients)
       ), told AS (
         INSERT INTO notification (recipient_id, follow_up_id, case_id, kind, title, as_holder)
         SELECT r.id, f.id, f.case_id, f.kind, $2, r.id IS NOT DISTINCT FROM s.active_assignee
           FROM everyone r, fired f, subject s
         ON CONFLICT (follow_up_id, recipient_id) DO NOTHING
         RETURNING id, recipient_id
       )
       SELECT t.recipient_id AS "recipientId",
              pg_notify($3, json_build_object('type', 'notification.created', 'id', t.id, 'recipientId', t.recipient_id, 'at', now())::text) AS announced
         FROM told t`,
      [input.followUpId, input.title, CASE_CHANGES_CHANNEL],
    );
    return rows.map((row) => ({ recipientId: row.recipientId }));
  },

  /**
   * Settles a fired follow-up that told nobody (a deadline re-triage that did not raise the case
   * to urgent): with nothing for anyone to act on, it must not count as one waiting for someone
   * (the Overdue queue and queue health count `fired` follow-ups until a person marks them done).
   */
  async settleUntold(manager: EntityManager, followUpId: string): Promise<void> {
    await manager.query(`UPDATE follow_up SET status = 'done', done_at = fired_at, updated_at = now() WHERE id = $1 AND status = 'fired'`, [followUpId]);
  },

  /** A follow-up that did not fire, with its case's reference, so the caller can tell why. */
  async notFiredState(dataSource: DataSource, followUpId: string): Promise<NotFiredRow | null> {
    const rows = await dataSource.query<NotFiredRow[]>(
      `SELECT f.id, f.case_id, f.kind, f.status, f.revision, f.due_at, f.due_at > now() + ${CLOCK_TOLERANCE} AS early, c.reference
         FROM follow_up f JOIN support_case c ON c.id = f.case_id WHERE f.id = $1`,
      [followUpId],
    );
    return rows[0] ?? null;
  },

  /** Scheduled follow-ups due soon (or overdue) whose current revision has no job yet, soonest first. */
  dueWithoutJob(dataSource: DataSource): Promise<FollowUpScheduleRow[]> {
    return dataSource.query<FollowUpScheduleRow[]>(
      `SELECT id, due_at, revision FROM follow_up
        WHERE status = 'scheduled' AND due_at <= now() + ${SWEEP_HORIZON} AND enqueued_revision IS DISTINCT FROM revision
        ORDER BY due_at LIMIT 10000`,
    );
  },

  /** Scheduled follow-ups well past due (their job failed, finished or is gone), oldest first, a bounded batch. */
  stuck(dataSource: DataSource): Promise<FollowUpScheduleRow[]> {
    return dataSource.query<FollowUpScheduleRow[]>(
      `SELECT id, due_at, revision FROM follow_up WHERE status = 'scheduled' AND due_at < now() - ${STUCK_AFTER} ORDER BY due_at LIMIT ${RECOVER_LIMIT}`,
    );
  },

  /**
   * Open cases from the last 30 days with no follow-up rows at all (never planned: the worker
   * missed their `case.created`), oldest first, a bounded batch.
   */
  unplannedCases(dataSource: DataSource): Promise<Array<{ id: string }>> {
    return dataSource.query<Array<{ id: string }>>(
      `SELECT c.id FROM support_case c
        WHERE c.status IN ('new', 'in_progress', 'waiting') AND c.created_at > now() - interval '30 days'
          AND NOT EXISTS (SELECT 1 FROM follow_up f WHERE f.case_id = c.id)
        ORDER BY c.created_at LIMIT 500`,
    );
  },

  /**
   * Marks a fired follow-up done by `staffId`. False when it was not fired (done already, or
   * never fired), so the caller writes its timeline entry only once.
   */
  async markDone(manager: EntityManager, followUpId: string, staffId: string): Promise<boolean> {
    // An UPDATE answers [rows, affected count].
    const [, changed] = await manager.query<[unknown[], number]>(
      `UPDATE follow_up SET status = 'done', done_at = now(), done_by = $2, updated_at = now() WHERE id = $1 AND status = 'fired'`,
      [followUpId, staffId],
    );
    return Boolean(changed);
  },

  /** A case's follow-ups, soonest first, each with a label for its subject (the case, a takedown, a report). */
  listForCase(db: DataSource | EntityManager, caseId: string): Promise<CaseFollowUpRow[]> {
    return db.query<CaseFollowUpRow[]>(
      `SELECT f.id, f.kind, f.due_at, f.status, f.subject_type, f.subject_id, f.fired_at, f.done_at,
              CASE f.subject_type WHEN 'case' THEN c.reference
                                  WHEN 'takedown' THEN t.platform || ': ' || coalesce(t.url, t.account)
                                  ELSE r.agency_name END AS subject_label
         FROM follow_up f
         JOIN support_case c ON c.id = f.case_id
         LEFT JOIN takedown_request t ON f.subject_type = 'takedown' AND t.id = f.subject_id
         LEFT JOIN case_report r ON f.subject_type = 'report' AND r.id = f.subject_id
        WHERE f.case_id = $1 ORDER BY f.due_at, f.id`,
      [caseId],
    );
  },

  // The notifications a follow-up raised are written by its firing (above), so what the follow-up
  // lifecycle does with them after is here too: the bell (notifications/) reads and closes them.
  /** The people a follow-up told (each once). */
  async recipientsOf(dataSource: DataSource, followUpId: string): Promise<string[]> {
    const rows = await dataSource.query<Array<{ recipient_id: string }>>(`SELECT recipient_id FROM notification WHERE follow_up_id = $1`, [followUpId]);
    return rows.map((row) => row.recipient_id);
  },

  /**
   * Notifications follow the case: the open ones a previous holder got as the holder move to
   * `holderId` (closed instead where the new holder was told already, say as a supervisor). Both
   * bells hear of it. With nothing to move it is one indexed look-up.
   */
  async handOver(manager: EntityManager, caseId: string, holderId: string): Promise<void> {
    await manager.query(
      `WITH handed AS (
         SELECT n.id, n.recipient_id,
                EXISTS (SELECT 1 FROM notification o WHERE o.follow_up_id = n.follow_up_id AND o.recipient_id = $2::uuid) AS told_already
           FROM notification n
          WHERE n.case_id = $1 AND n.as_holder AND n.done_at IS NULL AND n.recipient_id <> $2::uuid
       ), moved AS (
         UPDATE notification n SET recipient_id = $2::uuid FROM handed h WHERE n.id = h.id AND NOT h.told_already RETURNING n.id
       ), closed AS (
         UPDATE notification n SET done_at = now() FROM handed h WHERE n.id = h.id AND h.told_already RETURNING n.id
       )
       SELECT pg_notify($3, json_build_object('type', 'notification.created', 'id', m.id, 'recipientId', $2::uuid, 'at', now())::text) FROM moved m
       UNION ALL
       SELECT pg_notify($3, json_build_object('type', 'notification.changed', 'id', h.id, 'recipientId', h.recipient_id, 'at', now())::text) FROM handed h`,
      [caseId, holderId, CASE_CHANGES_CHANNEL],
    );
  },
};
