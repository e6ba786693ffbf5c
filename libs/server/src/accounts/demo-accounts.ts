import { StaffRole } from '@sg/domain';

/** The demo organisation `npm start` creates so a person can sign in straight away. */
export const DEMO_ORGANISATION = { slug: 'demo', name: 'Demo Support Organisation' } as const;

export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; displayName: string; role: StaffRole }> = [
  { email: 'admin@demo.test', displayName: 'Ada Admin', role: 'admin' },
  { email: 'supervisor@demo.test', displayName: 'Sam Supervisor', role: 'supervisor' },
  { email: 'caseworker@demo.test', displayName: 'Casey Caseworker', role: 'caseworker' },
  { email: 'caseworker2@demo.test', displayName: 'Charlie Caseworker', role: 'caseworker' },
];
