import { QUEUES, SYSTEM_JOBS } from '@sg/contracts';
import { healthResponseSchema } from '@sg/contracts/schemas';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';
import { DEFAULT_JOB_OPTIONS } from '../queue/queue.module';
import { queueConnection } from '../queue/queue-connection';
import { bodyOf, createTestDatabase, firstRowOf, rowsOf, startTestApi, startTestWorker, TestApi, TestDatabase, testConfig } from '../testing';
import { sealAuditChain, verifyAuditChain } from './seal-audit-chain';
import { verifyAuditCommand } from './verify-audit-command';

/**
 * The audit log's hash chain against the real database: sealed by the worker (as the application
 * role) in order, across batches; a row the owner changes behind the trigger's back is named by
 * id, by health and by the verify command; a purged payload still verifies.
 */
describe('the audit log hash chain', () => {
  let db: TestDatabase;
  let app: DataSource;
  let config: AppConfig;

  const audit = async (action: string, after: unknown = { note: action }) =>
    (
      await firstRowOf<{ id: string }>(app, `INSERT INTO audit_log (actor_id, action, after) VALUES (NULL, $1, $2) RETURNING id::text AS id`, [
        action,
        JSON.stringify(after),
      ])
    ).id;
  /** As the owner, who can switch the append-only trigger off: what the chain is there to catch. */
  const asOwnerBehindTheTrigger = async (sql: string, params: unknown[] = []) =>
    db.dataSource.transaction(async (manager) => {
      await manager.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
      await manager.query(sql, params);
      await manager.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
    });
  const seals = async () =>
    rowsOf<{ position: number; auditId: string }>(
      db.dataSource,
      `SELECT position::int AS position, audit_id::text AS "auditId" FROM audit_seal ORDER BY position`,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    config = testConfig(db.url);
    app = new DataSource(dataSourceOptions(db.url));
    await app.initialize();
  });

  afterAll(async () => {
    await app?.destroy();
    await db?.drop();
  });

  it('seals rows in order across batches, continuing the chain where the last batch ended', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await audit(`test.first_${i}`));
    expect(await sealAuditChain(app, 3)).toEqual({ sealed: 7 });
    for (let i = 0; i < 2; i++) ids.push(await audit(`test.second_${i}`));
    expect(await sealAuditChain(app, 3)).toEqual({ sealed: 2 });
    expect(await sealAuditChain(app, 3)).toEqual({ sealed: 0 });

    expect(await seals()).toEqual(ids.map((auditId, i) => ({ position: i + 1, auditId })));
    expect(await verifyAuditChain(app)).toMatchObject({ ok: true, checked: 9, breaks: [], head: { position: '9' } });
  });

  it('seals a row whose transaction committed after later rows were sealed, further along the chain', async () => {
    const slow = app.createQueryRunner();
    await slow.connect();
    await slow.startTransaction();
    const late = (await firstRowOf<{ id: string }>(slow, `INSERT INTO audit_log (actor_id, action) VALUES (NULL, 'test.late') RETURNING id::text AS id`)).id;
    const early = await audit('test.early');
    await sealAuditChain(app);
    await slow.commitTransaction();
    await slow.release();
    await sealAuditChain(app);

    expect((await seals()).slice(-2).map((seal) => seal.auditId)).toEqual([early, late]);
    expect(await verifyAuditChain(app)).toMatchObject({ ok: true, breaks: [] });
  });

  it('the application role can append seals but not rewrite them', async () => {
    await expect(app.query(`UPDATE audit_seal SET hash = 'x'`)).rejects.toThrow(/permission denied for table audit_seal/);
    await expect(app.query(`DELETE FROM audit_seal`)).rejects.toThrow(/permission denied for table audit_seal/);
  });

  it('still verifies after a retention purge nulls the payload of sealed rows', async () => {
    const purged = await audit('test.purged', { contact: 'personal detail' });
    await sealAuditChain(app);
    await asOwnerBehindTheTrigger(`UPDATE audit_log SET before = NULL, after = NULL WHERE id = $1`, [purged]);

    expect(await verifyAuditChain(app)).toMatchObject({ ok: true, purged: 1, breaks: [] });
  });

  describe('a sealed row changed by the owner', () => {
    let api: TestApi;
    let changed: string;
    let payloadChanged: string;

    beforeAll(async () => {
      api = await startTestApi(db, config);
      changed = await audit('case.reassigned');
      payloadChanged = await audit('case.note_added', { length: 10 });
      await audit('test.after');
      await sealAuditChain(app);
      await asOwnerBehindTheTrigger(`UPDATE audit_log SET action = 'case.read' WHERE id = $1`, [changed]);
      await asOwnerBehindTheTrigger(`UPDATE audit_log SET after = '{"length": 0}' WHERE id = $1`, [payloadChanged]);
    });

    afterAll(async () => {
      await api?.close();
    });

    it('is reported with its id by the check, and only it', async () => {
      const report = await verifyAuditChain(app);
      expect(report.ok).toBe(false);
      expect(report.breaks).toEqual([
        expect.objectContaining({ auditId: changed, reason: 'row_changed' }),
        expect.objectContaining({ auditId: payloadChanged, reason: 'payload_changed' }),
      ]);
    });

    it('turns health to attention, naming the row', async () => {
      const health = bodyOf(await api.request('GET', '/api/health'), healthResponseSchema);
      expect(health.details.auditChain).toMatchObject({ status: 'up', attention: true, brokenAuditIds: [changed, payloadChanged] });
    });

    it('fails the verify command (exit 1), which prints the row id', async () => {
      const lines: string[] = [];
      expect(await verifyAuditCommand(config, (line) => lines.push(line))).toBe(1);
      expect(lines.join('\n')).toContain(`audit row ${changed} (row changed)`);
      expect(lines.join('\n')).toContain(`audit row ${payloadChanged} (payload changed)`);
      expect(lines.at(-1)).toMatch(/^FAILED/);
    });
  });

  it('the worker seals on the system queue, on a schedule', async () => {
    const id = await audit('test.by_worker');
    const { connection, prefix } = queueConnection(config);
    const queue = new Queue(QUEUES.system, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
    const worker = await startTestWorker(config);
    try {
      expect((await queue.getJobSchedulers()).find((scheduler) => scheduler.key === SYSTEM_JOBS.sealAudit)).toBeDefined();
      const job = await queue.add(SYSTEM_JOBS.sealAudit, { requestedAt: new Date().toISOString() });
      const done = await finished(queue, job.id ?? '');
      expect(await done.getState()).toBe('completed');
      expect((await seals()).map((seal) => seal.auditId)).toContain(id);
    } finally {
      await worker.close();
      await queue.close();
    }
  });
});

async function finished(queue: Queue, id: string): Promise<Job> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const job = await queue.getJob(id);
    if (job && ['completed', 'failed'].includes(await job.getState())) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} did not finish`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
