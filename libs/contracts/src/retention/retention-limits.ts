/**
 * Retention and legal hold: paths and limits shared by the API and the web (zod-free).
 * - `GET|PUT /api/organisation/retention`: how long finished cases are kept (admins write, audited).
 * - `GET /api/cases/:id/legal-hold`, `POST /api/cases/:id/legal-hold` (place, supervisors and admins),
 *   `POST /api/cases/:id/legal-hold/release`.
 * - `POST /api/case-access/deletion` (the person asks, with reference and code),
 *   `POST /api/case-access/deletion/status`, `POST /api/case-access/deletion/cancel`.
 */
export const RETENTION_PATHS = {
  settings: 'retention',
  legalHold: 'legal-hold',
  legalHoldRelease: 'legal-hold/release',
  deletion: 'deletion',
  deletionStatus: 'deletion/status',
  deletionCancel: 'deletion/cancel',
} as const;

export const RETENTION_LIMITS = {
  /** Shortest and longest retention an admin may choose (days after the last activity). */
  minDays: 30,
  maxDays: 3650,
  /** A legal hold's reason (characters). */
  holdReasonMin: 3,
  holdReasonMax: 1000,
} as const;
