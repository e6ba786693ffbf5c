/*
 * `@sg/contracts`: the zod-free entry. Routes, headers, enums, limits and every request and
 * response type, for the web app (which imports it at no bundle cost) and the server. The zod
 * schemas the server validates with live in `@sg/contracts/schemas`; their types are re-exported
 * here with `export type`, so nothing from those files runs when this entry is loaded.
 */
export * from './api-routes';
export * from './headers';
export * from './limits';
export * from './errors/field-path';
export * from './fields/storable-text';
export * from './fields/date-limits';
export * from './health/health-response';
export * from './queues/queue-names';
export * from './case-access/case-status';
export * from './cases/case-scopes';
export * from './cases/case-detail';
export * from './supervision/queue-health';
export * from './events/case-events';
export * from './follow-ups/follow-ups';
export * from './trends/trend-limits';
export * from './resources/resource-texts';
export * from './saved-replies/saved-reply-texts';
export * from './retention/retention-limits';
export * from './auth/second-factor-codes';
export * from './referral-packet/referral-recipients';
export * from './funders-export/funders-export-columns';
export * from './case-links/case-link-limits';

export type * from './errors/validation-error';
export type * from './intake/intake-request';
export type * from './intake/intake-response';
export type * from './case-access/case-access';
export type * from './conversation/conversation';
export type * from './saved-replies/saved-replies';
export type * from './organisation/opening-hours';
export type * from './resources/resource-directory';
export type * from './auth/login';
export type * from './auth/second-factor';
export type * from './cases/case-queries';
export type * from './cases/case-commands';
export type * from './staff/staff-directory';
export type * from './takedowns/takedowns';
export type * from './reports/reports';
export type * from './notifications/notifications';
export type * from './trends/trends';
export type * from './retention/retention';
export type * from './referral-packet/referral-packet';
export type * from './funders-export/funders-export';
export type * from './case-links/case-links';
