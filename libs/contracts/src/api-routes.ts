/** Every API path, shared by the Nest controllers and the Angular data services. */
export const API_PREFIX = 'api';

export const API_ROUTES = {
  health: 'health',
  docs: 'docs',
  intakes: 'intakes',
  caseAccess: 'case-access',
  conversation: 'conversation',
  savedReplies: 'saved-replies',
  organisation: 'organisation',
  resources: 'resources',
  auth: 'auth',
  secondFactor: 'auth/second-factor',
  cases: 'cases',
  staff: 'staff',
  supervision: 'supervision',
  events: 'events',
  takedowns: 'takedowns',
  reports: 'reports',
  notifications: 'notifications',
  trends: 'trends',
  fundersExport: 'trends/funders-export',
  clusters: 'clusters',
  adminQueues: 'admin/queues',
} as const;

/** Browser-side helper: `/api/intakes` etc. */
export function apiPath(route: (typeof API_ROUTES)[keyof typeof API_ROUTES], ...rest: string[]): string {
  return ['', API_PREFIX, route, ...rest].join('/');
}
