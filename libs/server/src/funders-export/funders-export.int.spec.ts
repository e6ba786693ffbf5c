import { FUNDERS_EXPORT_COLUMNS } from '@sg/contracts';
import { PRIORITIES, Priority } from '@sg/domain';
import * as z from 'zod';
import { createTestDatabase, firstRowOf, startTestApi, TestApi, TestDatabase, testConfig } from '../testing';

/** A row of the CSV: a cell under every column, checked. */
const csvRowSchema = z.record(z.enum(FUNDERS_EXPORT_COLUMNS), z.string());
type CsvRow = z.output<typeof csvRowSchema>;

/** The CSV as records. Nothing in it needs quoting (aggregates and well-known names); a quote would be a finding. */
function parseCsv(text: string): { header: string[]; rows: CsvRow[] } {
  expect(text).not.toContain('"');
  const [first, ...lines] = text.trimEnd().split('\n');
  const header = (first ?? '').split(',');
  return { header, rows: lines.map((line) => csvRowSchema.parse(Object.fromEntries(line.split(',').map((cell, i) => [header[i], cell])))) };
}

/**
 * The funders' CSV against a real PostgreSQL: cases, takedowns, reports and purged records are
 * written straight into their tables with known months, countries and outcomes, so each cell is
 * known in advance, and every cell under 5 must read `<5`.
 */
describe('funders CSV', () => {
  let db: TestDatabase;
  let api: TestApi;
  let supervisor = '';
  let caseworker = '';
  const now = new Date();
  const thisMonth = now.toISOString().slice(0, 7);
  /** In this UTC month and not in the future, even just after midnight on the 1st. */
  const inThisMonth = new Date(Math.max(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1), now.getTime() - 60_000));
  const lastMonthDate = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15, 12));
  const lastMonth = lastMonthDate.toISOString().slice(0, 7);
  let n = 0;

  async function insertCase(options: { priority: Priority; country: string; channel: string; status: string; at: Date }): Promise<string> {
    n += 1;
    const row = await firstRowOf<{ id: string }>(
      db.dataSource,
      `INSERT INTO support_case (reference, access_code_hash, status, priority, priority_rank, triage_priority, triage_factors, triaged_at,
         first_response_due_at, submitted_by, channel, age_band, country, self_harm, immediate_danger, demands,
         content_posted, contact_channel, consent_contact, narrative, alias, created_at, updated_at)
       VALUES ($1, 'x', $2, $3, $4, $3, '[]', $5, $5, 'victim', $6, '13_17', $7, 'none', false, '{money}', 'no', 'none', false,
               'NARRATIVE-MUST-NOT-LEAVE', 'ALIAS-MUST-NOT-LEAVE', $5, $5)
       RETURNING id`,
      [
        `FE-${String(n).padStart(5, '0')}`,
        options.status,
        options.priority,
        PRIORITIES.indexOf(options.priority),
        options.at,
        options.channel,
        options.country,
      ],
    );
    return row.id;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db, testConfig(db.url));
    supervisor = await api.tokenFor('supervisor');
    caseworker = await api.tokenFor('caseworker');

    // This month: 7 urgent web cases in MY (5 open, 2 closed), 2 high phone cases in GB.
    const my: string[] = [];
    for (let i = 0; i < 7; i += 1)
      my.push(await insertCase({ priority: 'urgent', country: 'MY', channel: 'web', status: i < 5 ? 'in_progress' : 'closed', at: inThisMonth }));
    for (let i = 0; i < 2; i += 1) await insertCase({ priority: 'high', country: 'GB', channel: 'phone', status: 'new', at: inThisMonth });
    // And 2 standard chat cases in US, resolved: every breakdown this month has two small cells.
    for (let i = 0; i < 2; i += 1) await insertCase({ priority: 'standard', country: 'US', channel: 'chat', status: 'resolved', at: inThisMonth });
    // Last month: 1 standard case in US, 5 in GB, and 6 standard cases purged since (only their priority survives).
    await insertCase({ priority: 'standard', country: 'US', channel: 'chat', status: 'resolved', at: lastMonthDate });
    for (let i = 0; i < 5; i += 1) await insertCase({ priority: 'standard', country: 'GB', channel: 'web', status: 'resolved', at: lastMonthDate });
    for (let i = 0; i < 6; i += 1) {
      await db.dataSource.query(`INSERT INTO purged_case (created_at, priority_rank, first_response_due_at, purge_reason) VALUES ($1, 3, $1, 'retention')`, [
        lastMonthDate,
      ]);
    }

    // Takedowns this month: "instagram", " Instagram" and "IG" are one platform (3 + 2 removed = 5);
    // a platform typed as free text is never named; 1 purged removal on TikTok.
    const platforms = ['instagram', 'instagram', 'instagram', ' Instagram', 'IG', "Sarah's school forum"];
    for (const [i, platform] of platforms.entries()) {
      await db.dataSource.query(
        `INSERT INTO takedown_request (case_id, platform, url, channel, status, submitted_at, removed_at, created_at)
         VALUES ($1, $2, $3, 'platform_form', 'removed', $4, $4, $4)`,
        [my[0], platform, `https://example.org/p/${i}`, inThisMonth],
      );
    }
    await db.dataSource.query(`INSERT INTO purged_takedown (platform, submitted_at, removed_at) VALUES ('tiktok', $1, $1)`, [inThisMonth]);

    // Reports this month: 6 to police filed, 1 to the CyberTipline actioned; 1 purged police report.
    for (let i = 0; i < 6; i += 1) {
      await db.dataSource.query(
        `INSERT INTO case_report (case_id, agency_kind, agency_name, reference_number, status, filed_at, created_at) VALUES ($1, 'police', 'Agency', $2, 'filed', $3, $3)`,
        [my[i], `POLICE-REF-${i}`, inThisMonth],
      );
    }
    await db.dataSource.query(
      `INSERT INTO case_report (case_id, agency_kind, agency_name, status, filed_at, created_at) VALUES ($1, 'cybertipline', 'NCMEC', 'actioned', $2, $2)`,
      [my[0], inThisMonth],
    );
    await db.dataSource.query(`INSERT INTO purged_report (agency_kind, status, filed_at) VALUES ('police', 'filed', $1)`, [inThisMonth]);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  async function csv(query = ''): Promise<{ header: string[]; rows: CsvRow[]; text: string; headers: Headers }> {
    const response = await fetch(`${api.baseUrl}/api/trends/funders-export${query}`, { headers: { authorization: `Bearer ${supervisor}` } });
    expect(response.status).toBe(200);
    const text = await response.text();
    return { ...parseCsv(text), text, headers: response.headers };
  }

  const cell = (rows: CsvRow[], month: string, measure: string, breakdown: string, value: string, result = '') =>
    rows.find((r) => r.month === month && r.measure === measure && r.breakdown === breakdown && r.value === value && r.result === result)?.count;

  it('downloads as a CSV attachment with the expected columns', async () => {
    const { header, headers } = await csv();
    expect(header).toEqual([...FUNDERS_EXPORT_COLUMNS]);
    expect(headers.get('content-type')).toMatch(/^text\/csv/);
    expect(headers.get('content-disposition')).toMatch(/^attachment; filename="funders-\d{4}-\d{2}-to-\d{4}-\d{2}\.csv"$/);
    expect(headers.get('cache-control')).toContain('no-store');
  });

  it('counts cases per month by priority, country, channel and outcome, and shows every count under 5 as <5', async () => {
    const { rows } = await csv();
    expect(cell(rows, thisMonth, 'cases', 'priority', 'urgent')).toBe('7');
    expect(cell(rows, thisMonth, 'cases', 'priority', 'high')).toBe('<5');
    expect(cell(rows, thisMonth, 'cases', 'country', 'MY')).toBe('7');
    expect(cell(rows, thisMonth, 'cases', 'country', 'GB')).toBe('<5');
    expect(cell(rows, thisMonth, 'cases', 'channel', 'web')).toBe('7');
    expect(cell(rows, thisMonth, 'cases', 'channel', 'phone')).toBe('<5');
    expect(cell(rows, thisMonth, 'cases', 'outcome', 'open')).toBe('7');
    expect(cell(rows, thisMonth, 'cases', 'outcome', 'closed')).toBe('<5');
    // No cell anywhere holds a count from 1 to 4.
    expect(rows.filter((r) => /^[1-4]$/.test(r.count))).toEqual([]);
    expect(rows.filter((r) => r.count === '<5').length).toBeGreaterThanOrEqual(4);
  });

  it('counts purged cases too, by the priority they kept', async () => {
    const { rows } = await csv();
    expect(cell(rows, lastMonth, 'cases', 'priority', 'standard')).toBe('12');
    expect(cell(rows, lastMonth, 'cases', 'country', 'purged')).toBe('6');
    expect(cell(rows, lastMonth, 'cases', 'country', 'US')).toBe('<5');
  });

  it('leaves no <5 that a reader can work out by subtracting from the month total', async () => {
    const { rows } = await csv();
    // The four breakdowns of a month's cases each add up to the month's total: a reader takes it from a
    // breakdown with no <5, then subtracts the shown cells of another. One <5 left in a breakdown is
    // then known exactly, and so is every <5 of a breakdown whose withheld cells add up to their number
    // (each is at least 1: a zero cell is not written).
    const derived: string[] = [];
    for (const month of [thisMonth, lastMonth]) {
      const breakdowns = ['priority', 'country', 'channel', 'outcome'].map((breakdown) =>
        rows.filter((r) => r.month === month && r.measure === 'cases' && r.breakdown === breakdown),
      );
      const shownSum = (group: CsvRow[]) => group.filter((r) => r.count !== '<5').reduce((sum, r) => sum + Number(r.count), 0);
      const whole = breakdowns.find((group) => group.length > 0 && group.every((r) => r.count !== '<5'));
      if (!whole) continue;
      const total = shownSum(whole);
      for (const group of breakdowns) {
        const withheld = group.filter((r) => r.count === '<5');
        const rest = total - shownSum(group);
        if (withheld.length === 1 || (withheld.length > 0 && rest === withheld.length))
          for (const r of withheld) derived.push(`${month} ${r.breakdown} ${r.value} = ${withheld.length === 1 ? rest : 1}`);
      }
    }
    expect(derived).toEqual([]);
    // Last month's GB and web (5 each) are withheld to protect US and chat; its outcomes have no small cell.
    expect(cell(rows, lastMonth, 'cases', 'country', 'GB')).toBe('<5');
    expect(cell(rows, lastMonth, 'cases', 'channel', 'web')).toBe('<5');
    expect(cell(rows, lastMonth, 'cases', 'outcome', 'resolved')).toBe('6');
  });

  it('counts takedowns by platform and result, naming only well-known platforms, and reports by kind of agency', async () => {
    const { rows } = await csv();
    expect(cell(rows, thisMonth, 'takedowns', 'platform', 'Instagram', 'removed')).toBe('5');
    expect(cell(rows, thisMonth, 'takedowns', 'platform', 'other', 'removed')).toBe('<5');
    expect(cell(rows, thisMonth, 'takedowns', 'platform', 'TikTok', 'removed')).toBe('<5');
    expect(cell(rows, thisMonth, 'reports', 'agency_kind', 'police', 'filed')).toBe('7');
    expect(cell(rows, thisMonth, 'reports', 'agency_kind', 'cybertipline', 'actioned')).toBe('<5');
  });

  it('holds no personal field: no reference, narrative, alias, agency reference or free-text platform', async () => {
    const { text } = await csv();
    for (const personal of ['FE-0', 'NARRATIVE', 'ALIAS', 'POLICE-REF', 'Sarah', 'example.org', '@']) expect(text).not.toContain(personal);
  });

  it('takes a number of months, and is for supervisors only', async () => {
    const { rows } = await csv('?months=1');
    expect(new Set(rows.map((r) => r.month))).toEqual(new Set([thisMonth]));
    const refused = await api.request('GET', '/api/trends/funders-export', { token: caseworker });
    expect(refused.status).toBe(403);
    expect((await api.request('GET', '/api/trends/funders-export?months=0', { token: supervisor })).status).toBe(400);
  });
});
