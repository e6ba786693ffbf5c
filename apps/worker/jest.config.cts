module.exports = {
  displayName: 'worker',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/apps/worker',
  // Integration specs need a PostgreSQL: started here when DATABASE_URL is unset (see libs/server).
  globalSetup: '<rootDir>/../../tools/test/jest-global-setup.mjs',
  globalTeardown: '<rootDir>/../../tools/test/jest-global-teardown.mjs',
  testTimeout: 30_000,
};
