/**
 * The contract's validation, for the public pages. Only ever loaded with a dynamic import
 * (loadContracts), so zod and the schemas stay out of the first screen's JavaScript.
 */
export { caseAccessRequestSchema, caseAdditionSchema, formatFieldPath, intakeRequestSchema, sessionAdditionSchema } from '@sg/contracts/public-schemas';
