import type {
  API_PREFIX as ContractApiPrefix,
  API_ROUTES,
  CASE_AGE_BANDS as ContractAgeBands,
  CASE_EVENT_TYPES as ContractEventTypes,
  CASE_QUEUES as ContractQueues,
  CASE_LIST_SCOPES as ContractListScopes,
  CASE_OVERDUE_KINDS as ContractOverdueKinds,
  CSRF_HEADER as ContractCsrfHeader,
  CSRF_HEADER_VALUE as ContractCsrfValue,
  EVIDENCE_KINDS as ContractEvidenceKinds,
  IDEMPOTENCY_KEY_HEADER as ContractIdempotencyHeader,
  NotificationCreatedEvent,
} from '@sg/contracts';

/*
 * The values of @sg/contracts the dashboard needs, as local constants. Importing the library at
 * run time would build every zod schema it defines (and load zod with the dashboard), and the
 * public pages load it lazily, which the module-boundary lint enforces. Each constant is typed
 * as the contract's own literal, so this file stops compiling the moment the contract changes;
 * types are imported with `import type` everywhere.
 */

export const API_PREFIX: typeof ContractApiPrefix = 'api';
export const CSRF_HEADER: typeof ContractCsrfHeader = 'X-Requested-With';
export const CSRF_HEADER_VALUE: typeof ContractCsrfValue = 'safeguard-triage';
export const IDEMPOTENCY_KEY_HEADER: typeof ContractIdempotencyHeader = 'Idempotency-Key';

export const CASE_QUEUES: typeof ContractQueues = ['unassigned', 'mine', 'waiting', 'overdue', 'all'];
/** The queues and `search` (every case the person may see; needs `q`). */
export const CASE_LIST_SCOPES: typeof ContractListScopes = ['unassigned', 'mine', 'waiting', 'overdue', 'all', 'search'];
export const CASE_OVERDUE_KINDS: typeof ContractOverdueKinds = ['first_response', 'follow_up'];
export const CASE_AGE_BANDS: typeof ContractAgeBands = ['under_1h', '1h_to_24h', '1d_to_7d', 'over_7d'];
export const CASE_EVENT_TYPES: typeof ContractEventTypes = ['case.created', 'case.updated', 'case.claimed', 'case.assigned'];
export const EVIDENCE_KINDS: typeof ContractEvidenceKinds = ['offender_account', 'threat_message', 'payment', 'content_location', 'other'];
/** The events stream's other message: a follow-up fired for someone (`{ id, recipientId }`). */
export const NOTIFICATION_CREATED_EVENT: NotificationCreatedEvent['type'] = 'notification.created';

type Routes = typeof API_ROUTES;

/** The API routes the dashboard calls (the contract's `API_ROUTES`, checked by type). */
const ROUTES: Pick<Routes, 'auth' | 'cases' | 'staff' | 'supervision' | 'events' | 'intakes' | 'resources' | 'takedowns' | 'reports' | 'notifications'> = {
  auth: 'auth',
  cases: 'cases',
  staff: 'staff',
  supervision: 'supervision',
  events: 'events',
  intakes: 'intakes',
  resources: 'resources',
  takedowns: 'takedowns',
  reports: 'reports',
  notifications: 'notifications',
};

/** `/api/cases/123/notes`, like the contract's apiPath(). */
export function apiPath(route: keyof typeof ROUTES, ...rest: string[]): string {
  return ['', API_PREFIX, ROUTES[route], ...rest].join('/');
}

/** bull-board, for admins (opened with a cookie from `POST /api/auth/queue-board`). */
export const QUEUE_MONITOR_PATH: `/${typeof API_PREFIX}/${Routes['adminQueues']}` = '/api/admin/queues';
