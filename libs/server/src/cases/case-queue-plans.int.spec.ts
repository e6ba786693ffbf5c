import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';
import { createTestDatabase, rowsOf, TestDatabase } from '../testing';
import { caseQueueRepository, QueueViewer } from './case-queue.repository';

/**
 * A queue page is a prepared statement so that PostgreSQL plans it once per connection, not on
 * every page (planning it cost as much as running it: tools/bench/queues.mjs). That only holds if
 * PostgreSQL switches the statement to its generic plan after its first five runs, which it did
 * not while the row count was a parameter (LIMIT $n). pg_prepared_statements counts the plans.
 */
describe('queue pages are planned once per connection (integration, PostgreSQL)', () => {
  let db: TestDatabase;
  let app: DataSource;
  const viewer: QueueViewer = { id: randomUUID(), seesEverything: true };

  beforeAll(async () => {
    db = await createTestDatabase();
    // A realistic mix (as tools/bench/queues.mjs loads): every priority, most cases closed, a
    // twentieth open and unassigned; enough that a page reads a sliver of the queue. Analysed.
    await db.dataSource.query(
      `INSERT INTO support_case (reference, access_code_hash, priority, priority_rank, triage_priority, triage_factors, triaged_at, first_response_due_at,
         submitted_by, channel, age_band, country, self_harm, immediate_danger, demands, content_posted, contact_channel, consent_contact, status)
       SELECT 'SG-P' || lpad(to_hex(n), 7, '0'), 'x', (ARRAY['emergency', 'urgent', 'high', 'standard'])[n % 4 + 1], n % 4, (ARRAY['emergency', 'urgent', 'high', 'standard'])[n % 4 + 1],
              '[]', now(), now() - interval '3 years' + n * interval '20 minutes',
              'victim', 'web', '18_plus', 'US', 'none', false, '{}', 'no', 'none', false, CASE WHEN n % 20 = 0 THEN 'new' ELSE 'closed' END
         FROM generate_series(1, 60000) AS n`,
    );
    await db.dataSource.query('ANALYZE support_case');
    // One connection, so every page runs where pg_prepared_statements can see it.
    app = await new DataSource(dataSourceOptions(db.url, {}, 1)).initialize();
  }, 120_000);

  afterAll(async () => {
    await app?.destroy();
    await db?.drop();
  });

  /** The queue pages' prepared statements on the one connection; `after`: the shape after a cursor. */
  async function plansOfQueueStatements(): Promise<Array<{ generic_plans: number; custom_plans: number; after: boolean }>> {
    return rowsOf(
      app,
      `SELECT generic_plans::int, custom_plans::int, statement LIKE '%''epoch''::timestamptz%' AS after FROM pg_prepared_statements WHERE statement LIKE '%WITH page AS%'`,
    );
  }

  it('prepares each page shape once and runs the first page on its generic plan after the first runs', async () => {
    for (let run = 0; run < 8; run += 1) {
      const first = await caseQueueRepository.page(app, viewer, { queue: 'unassigned', limit: 50 }, 51);
      expect(first).toHaveLength(51);
      const last = first[50];
      if (!last) throw new Error('no 51st row');
      const next = await caseQueueRepository.page(
        app,
        viewer,
        { queue: 'unassigned', limit: 50, after: { rank: last.rank, dueMicros: last.dueMicros, id: last.id } },
        51,
      );
      expect(next).toHaveLength(51);
      // The cursor's page starts after the first page's last row, in queue order.
      expect(next.map((row) => row.id)).not.toContain(first[0]?.id);
    }
    const plans = await plansOfQueueStatements();
    // Two shapes (first page, after a cursor), each prepared once and run eight times.
    expect(plans).toHaveLength(2);
    for (const plan of plans) expect(plan.custom_plans + plan.generic_plans).toBe(8);
    // The first page is planned five times at most, then runs on its generic plan. Whether the
    // cursor's shape goes generic depends on the data (at 1,000,000 cases it does, after five runs,
    // as PostgreSQL's pg_prepared_statements showed for the bench's database); here it may not.
    const firstPage = plans.find((plan) => !plan.after);
    expect(firstPage?.custom_plans).toBeLessThanOrEqual(5);
    expect(firstPage?.generic_plans).toBeGreaterThanOrEqual(3);
  });

  it('refuses a row count that is not a whole number (it is written into the statement)', async () => {
    await expect(caseQueueRepository.page(app, viewer, { queue: 'unassigned', limit: 50 }, 1.5)).rejects.toThrow('whole number');
    await expect(caseQueueRepository.page(app, viewer, { queue: 'unassigned', limit: 50 }, 0)).rejects.toThrow('whole number');
  });
});
