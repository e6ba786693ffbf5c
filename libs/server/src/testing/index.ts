// Test-only helpers. Deliberately not exported from the library's index: production code must
// never be able to create or drop databases.
export * from './test-database';
export * from './api-test-app';
export * from './intake-fixtures';
export * from './worker-test-app';
export * from './throwaway-servers';
export * from './pdf-text';
export * from './audit-payloads';
export * from './answers';
export * from './openapi-document';
export * from './statements';
