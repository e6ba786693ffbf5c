/**
 * A case's status in the English words the person reads on their own case page. The page gets the
 * key `person.caseStatus.<status>` (CaseAccessView.status); the English catalogue says these.
 */
export const CASE_STATUS_FOR_PUBLIC = {
  new: 'Received: someone will pick it up soon',
  in_progress: 'Someone is working on it',
  waiting: 'Waiting for an answer (from you, a platform or the police)',
  resolved: 'Resolved',
  closed: 'Closed',
} as const;
