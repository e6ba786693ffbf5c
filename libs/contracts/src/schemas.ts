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
