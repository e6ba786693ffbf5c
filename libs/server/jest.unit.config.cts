// Pure unit specs of the server (`nx run server:test-unit`): no database is started and no
// integration spec (*.int.spec.ts) runs, so this answers in seconds on any machine.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- Jest loads .cts configs as CommonJS
const base = require('./jest.config.cts');

module.exports = {
  ...base,
  globalSetup: undefined,
  globalTeardown: undefined,
  testPathIgnorePatterns: ['/node_modules/', '\\.int\\.spec\\.ts$'],
};
