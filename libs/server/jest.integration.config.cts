// The server's integration specs only (`nx run server:test-integration`): real PostgreSQL (started
// when DATABASE_URL is unset) and the queue backend, as in `nx run server:test`.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- Jest loads .cts configs as CommonJS
const base = require('./jest.config.cts');

module.exports = {
  ...base,
  testMatch: ['**/*.int.spec.ts'],
};
