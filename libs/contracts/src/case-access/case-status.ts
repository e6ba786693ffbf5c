/** A case's status in the words the person reads on their own case page. */
export const CASE_STATUS_FOR_PUBLIC = {
  new: 'Received: someone will pick it up soon',
  in_progress: 'Someone is working on it',
  waiting: 'Waiting for an answer (from you, a platform or the police)',
  resolved: 'Resolved',
  closed: 'Closed',
} as const;
