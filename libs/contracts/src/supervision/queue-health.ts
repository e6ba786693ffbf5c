import { Priority } from '@sg/domain';
import type { StaffRef } from '../cases/case-queries';

export const CASE_AGE_BANDS = ['under_1h', '1h_to_24h', '1d_to_7d', 'over_7d'] as const;
export type CaseAgeBand = (typeof CASE_AGE_BANDS)[number];

/** `GET /api/supervision/queue-health`: one query each, computed in the database. */
export interface QueueHealth {
  generatedAt: string;
  /** Open cases by priority × age since intake. */
  openByPriorityAndAge: Array<{ priority: Priority; age: CaseAgeBand; count: number }>;
  /** Unassigned cases past their first-response target, most overdue first (up to 50). */
  unassignedPastTarget: { count: number; cases: Array<{ id: string; reference: string; priority: Priority; firstResponseDueAt: string }> };
  caseworkerLoad: Array<{ staff: StaffRef; role: string; open: number; emergencyOrUrgent: number; waiting: number }>;
  overdueFollowUps: number;
}
