import type { CaseListScope } from '@sg/contracts';
import type { AgeBand, CaseStatus, Priority, StaffRole } from '@sg/domain';

/**
 * Catalogue keys for the codes the dashboard shows (say them with `| t` or `I18n.t`). They live
 * under `staff.common`, so every screen says a queue, role, priority or status the same way.
 */
export const QUEUE_KEYS: Readonly<Record<CaseListScope, string>> = {
  unassigned: 'staff.common.queues.unassigned',
  mine: 'staff.common.queues.mine',
  waiting: 'staff.common.queues.waiting',
  overdue: 'staff.common.queues.overdue',
  all: 'staff.common.queues.all',
  search: 'staff.common.queues.search',
};

export const ROLE_KEYS: Readonly<Record<StaffRole, string>> = {
  caseworker: 'staff.common.roles.caseworker',
  supervisor: 'staff.common.roles.supervisor',
  admin: 'staff.common.roles.admin',
};

export const PRIORITY_KEYS: Readonly<Record<Priority, string>> = {
  emergency: 'staff.common.priorities.emergency',
  urgent: 'staff.common.priorities.urgent',
  high: 'staff.common.priorities.high',
  standard: 'staff.common.priorities.standard',
};

export const STATUS_KEYS: Readonly<Record<CaseStatus, string>> = {
  new: 'staff.common.statuses.new',
  in_progress: 'staff.common.statuses.in_progress',
  waiting: 'staff.common.statuses.waiting',
  resolved: 'staff.common.statuses.resolved',
  closed: 'staff.common.statuses.closed',
};

export const AGE_BAND_KEYS: Readonly<Record<AgeBand, string>> = {
  under_13: 'staff.common.age_bands.under_13',
  '13_17': 'staff.common.age_bands.13_17',
  '18_plus': 'staff.common.age_bands.18_plus',
  unknown: 'staff.common.age_bands.unknown',
};

/** The product's name is the same in every language, so it is not in the catalogues. */
export const PRODUCT_NAME = { first: 'Safeguard', second: 'Triage' } as const;
