/**
 * Every length and count limit a request body has, in one place: the zod schemas (the server's
 * validation) and the Angular validators (the forms) both read them, so a limit is written once.
 * Zod-free, so the web imports it at no bundle cost.
 */
export const MAX_PLATFORMS = 20;
export const MAX_CONTENT_URLS = 50;
export const MAX_NARRATIVE_LENGTH = 5000;
export const MAX_ALIAS_LENGTH = 80;

/** Text limits by field (characters). */
export const TEXT_LIMITS = {
  url: 2048,
  platform: 80,
  offenderHandle: 200,
  evidenceDescription: 5000,
  paymentReference: 500,
  fileName: 255,
  note: 10_000,
  contactRevealReason: 500,
  overrideReason: 1000,
  ticketNumber: 200,
  takedownAccount: 200,
  agencyName: 200,
  referenceNumber: 200,
  displayName: 120,
  email: 320,
  staffPassword: 256,
  resourceName: 200,
  resourceContact: 300,
  contactValue: 200,
  safeTimes: 200,
  caseAccessNote: 5000,
  message: 4000,
  savedReplyTitle: 120,
  transcript: 20_000,
} as const;

/** Minimum lengths the forms also check. */
export const TEXT_MINIMUMS = {
  contactRevealReason: 3,
  overrideReason: 5,
  staffPassword: 12,
} as const;

/**
 * Every date and time a request carries lies in [earliest, latest): PostgreSQL's range is far wider
 * than JavaScript's, and neither is a date anyone means here (a deadline, when a report was filed,
 * when evidence was seen). A list cursor's due time is held to the same range.
 */
export const DATE_LIMITS = { earliest: '2000-01-01T00:00:00Z', latest: '2100-01-01T00:00:00Z' } as const;

/** How deep a request body may nest (objects and lists); the deepest contract needs 4. */
export const MAX_BODY_DEPTH = 16;
