import { API_PREFIX, API_ROUTES, type NotificationCreatedEvent } from '@sg/contracts';

/*
 * The dashboard's view of @sg/contracts. The library's main entry is zod-free (the schemas live in
 * @sg/contracts/schemas), so its routes, headers and enums are imported, never copied.
 */
export {
  API_PREFIX,
  CASE_AGE_BANDS,
  CASE_EVENT_TYPES,
  CASE_LIST_SCOPES,
  CASE_OVERDUE_KINDS,
  CASE_QUEUES,
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  EVIDENCE_KINDS,
  IDEMPOTENCY_KEY_HEADER,
} from '@sg/contracts';

/** The events stream's other message: a follow-up fired for someone (`{ id, recipientId }`). */
export const NOTIFICATION_CREATED_EVENT: NotificationCreatedEvent['type'] = 'notification.created';

/** `/api/cases/123/notes`, like the contract's apiPath(), named by the route's key. */
export function apiPath(route: keyof typeof API_ROUTES, ...rest: string[]): string {
  return ['', API_PREFIX, API_ROUTES[route], ...rest].join('/');
}

/** bull-board, for admins (opened with a cookie from `POST /api/auth/queue-board`). */
export const QUEUE_MONITOR_PATH = `/${API_PREFIX}/${API_ROUTES.adminQueues}` as const;
