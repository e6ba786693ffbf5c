// Writes one Jest project's counts to $SG_TEST_RESULTS_DIR/jest-<project>.json, so
// tools/test/run-all.mjs can add up the whole run (Nx runs each project as its own Jest).
// Only active when run-all sets that variable; see jest.preset.js.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class ResultsFileReporter {
  constructor(globalConfig) {
    this.globalConfig = globalConfig;
  }

  onRunComplete(testContexts, results) {
    const dir = process.env.SG_TEST_RESULTS_DIR;
    if (!dir) return;
    const [context] = [...testContexts];
    const name = context?.config.displayName?.name ?? context?.config.id ?? `pid-${process.pid}`;
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, `jest-${name}.json`),
      JSON.stringify({
        tool: 'jest',
        project: name,
        passed: results.numPassedTests,
        failed: results.numFailedTests,
        skipped: results.numPendingTests + results.numTodoTests,
        // A spec file that cannot even load (syntax error, failing beforeAll import) has no tests.
        brokenSuites: results.numRuntimeErrorTestSuites,
        success: results.success,
      }),
    );
  }
}

module.exports = ResultsFileReporter;
