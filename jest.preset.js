const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  // `npm test` (tools/test/run-all.mjs) collects every project's counts for its summary line.
  ...(process.env.SG_TEST_RESULTS_DIR ? { reporters: ['default', require.resolve('./tools/test/jest-results-reporter.cjs')] } : {}),
};
