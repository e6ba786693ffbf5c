import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import * as z from 'zod';
import { createTestDatabase, startTestApi, TestApi, TestDatabase, testConfig } from '../testing';

const run = promisify(execFile);
const REDOCLY = resolve(__dirname, '../../../../node_modules/.bin/redocly');

/** What this spec reads of `redocly lint --format=json`. */
const redoclyReportSchema = z.looseObject({
  totals: z.looseObject({ errors: z.number(), warnings: z.number() }),
  problems: z.array(
    z.looseObject({ ruleId: z.string(), severity: z.string(), message: z.string(), location: z.array(z.looseObject({ pointer: z.string() })) }),
  ),
});

/** A failed child process's error: redocly exits non-zero on an error, with the report on stdout. */
const failedRunSchema = z.looseObject({ stdout: z.string() });

interface LintResult {
  errors: number;
  warnings: number;
  problems: string[];
  warningProblems: string[];
}

/** `redocly lint` with the recommended rules on a document; exits non-zero on an error, so read its JSON either way. */
async function redoclyLint(document: unknown): Promise<LintResult> {
  const dir = mkdtempSync(join(tmpdir(), 'sg-openapi-'));
  const file = join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(document));
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
  let stdout: string;
  try {
    ({ stdout } = await run(REDOCLY, ['lint', file, '--extends=recommended', '--format=json'], { env, maxBuffer: 32 * 1024 * 1024 }));
  } catch (error) {
    const failed = failedRunSchema.safeParse(error);
    if (!failed.success) throw error;
    stdout = failed.data.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const report = redoclyReportSchema.parse(JSON.parse(stdout));
  return {
    errors: report.totals.errors,
    warnings: report.totals.warnings,
    problems: report.problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId} ${p.location[0]?.pointer ?? ''}: ${p.message}`),
    warningProblems: report.problems.filter((p) => p.severity === 'warn').map((p) => `${p.ruleId} ${p.location[0]?.pointer ?? ''}: ${p.message}`),
  };
}

describe('the OpenAPI document the running API serves, linted by @redocly/cli (recommended rules)', () => {
  let db: TestDatabase;
  let api: TestApi;
  let document: Record<string, unknown>;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db, testConfig(db.url));
    const response = await api.request('GET', '/api/docs-json');
    expect(response.status).toBe(200);
    document = z.record(z.string(), z.unknown()).parse(response.body);
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  // The gate: every operation has a summary and says whether it needs a token. Warnings (success
  // bodies and 4xx answers not yet described for most operations, issue 9) are printed, not failed.
  it('has no errors', async () => {
    const result = await redoclyLint(document);
    console.info(`redocly lint: ${result.errors} errors, ${result.warnings} warnings`);
    expect(result.problems).toEqual([]);
    expect(result.errors).toBe(0);
  }, 120_000);

  // Issue 9: every operation describes its success body and its 4xx answers, and the document names its license.
  it('has no warnings either', async () => {
    const result = await redoclyLint(document);
    expect(result.warningProblems).toEqual([]);
    expect(result.warnings).toBe(0);
  }, 120_000);

  it('reports an error when there is one (so the check above can fail)', async () => {
    const broken = { ...document, info: undefined };
    const result = await redoclyLint(broken);
    expect(result.errors).toBeGreaterThan(0);
  }, 120_000);
});
