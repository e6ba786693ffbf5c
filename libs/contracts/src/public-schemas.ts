/*
 * `@sg/contracts/public-schemas`: only the schemas the person's pages check answers with, for the
 * web app's lazy contract chunk. Importing `@sg/contracts/schemas` there brought every staff
 * schema too (and libphonenumber with the evidence identifiers): about twice the bytes.
 */
export { formatFieldPath } from './errors/field-path';
export { caseAccessRequestSchema, caseAdditionSchema, sessionAdditionSchema } from './case-access/case-access';
export { intakeRequestSchema } from './intake/intake-request';
