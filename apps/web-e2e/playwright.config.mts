import { defineConfig, devices, ReporterDescription } from '@playwright/test';
import { nxE2EPreset } from '@nx/playwright/preset';
import { workspaceRoot } from '@nx/devkit';
import { join } from 'node:path';

/**
 * Browser tests against the real stack (API, worker, web server, PostgreSQL), started by
 * tools/test/playwright-stack.mjs on ports of its own (E2E_API_PORT / E2E_WEB_PORT, default
 * 3199 / 4299) and a database of its own. `nx run web-e2e:e2e` builds api, worker and web first.
 * Only Debian's Chromium: `npx playwright install` cannot download browsers on these machines.
 */
const webPort = Number(process.env['E2E_WEB_PORT'] ?? 4299);
const reportDir = join(workspaceRoot, 'dist/.playwright/apps/web-e2e');

/** Counts for `npm test`'s summary line are read from results.json (tools/test/run-all.mjs). */
const E2E_RESULTS_FILE = join(reportDir, 'results.json');

const reporter: ReporterDescription[] = [
  ['list'],
  // 'never': the default opens a report server on failure, which would hang CI.
  ['html', { outputFolder: join(reportDir, 'playwright-report'), open: 'never' }],
  ['json', { outputFile: E2E_RESULTS_FILE }],
];

export default defineConfig({
  ...nxE2EPreset(join(workspaceRoot, 'apps/web-e2e'), { testDir: './src', openHtmlReport: 'never', generateBlobReports: false }),
  reporter,
  globalSetup: join(workspaceRoot, 'tools/test/playwright-stack.mjs'),
  use: {
    baseURL: `http://127.0.0.1:${webPort}`,
    trace: 'on-first-retry',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
          // No sandbox (CI runs as root), no GPU, and no background traffic to Google services.
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-domain-reliability',
            '--no-pings',
            '--disable-features=DnsOverHttps',
          ],
        },
      },
    },
  ],
});
