/*
 * `@sg/contracts/schemas`: everything in `@sg/contracts` plus the zod schemas, for the server
 * (validation and the OpenAPI document) and tests. The web app imports it only lazily.
 */
export * from './index';
export * from './errors/validation-error';
export * from './fields/text';
export * from './fields/date-time';
export * from './intake/intake-request';
export * from './intake/intake-response';
export * from './case-access/case-access';
export * from './conversation/conversation';
export * from './saved-replies/saved-replies';
export * from './organisation/opening-hours';
export * from './resources/resource-directory';
export * from './auth/login';
export * from './auth/second-factor';
export * from './cases/case-queries';
export * from './cases/case-commands';
export * from './staff/staff-directory';
export * from './takedowns/takedowns';
export * from './reports/reports';
export * from './notifications/notifications';
export * from './trends/trends';
export * from './retention/retention';
export * from './referral-packet/referral-packet';
export * from './funders-export/funders-export';
export * from './case-links/case-links';
export * from './cases/case-responses';
export * from './case-access/case-access-responses';
export * from './conversation/conversation-responses';
export * from './auth/auth-responses';
export * from './staff/staff-responses';
export * from './takedowns/takedown-responses';
export * from './reports/report-responses';
export * from './notifications/notification-responses';
export * from './follow-ups/follow-up-responses';
export * from './saved-replies/saved-reply-responses';
export * from './organisation/organisation-responses';
export * from './resources/resource-responses';
export * from './supervision/queue-health-response';
export * from './retention/retention-responses';
export * from './case-links/case-link-responses';
export * from './trends/trend-responses';
export * from './fields/response-schema';
export * from './health/health-responses';
