module.exports = {
  displayName: 'server',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/libs/server',
  // Integration specs (*.int.spec.ts) need a PostgreSQL: started here when DATABASE_URL is unset.
  globalSetup: '<rootDir>/../../tools/test/jest-global-setup.mjs',
  globalTeardown: '<rootDir>/../../tools/test/jest-global-teardown.mjs',
  // Booting Nest, migrating a fresh database and waiting for queue jobs takes seconds, not ms.
  testTimeout: 30_000,
};
