import { Client, Notification } from 'pg';
import { announceLive, CASE_CHANGES_CHANNEL } from '../case-core/case-notifier';
import { present } from '@sg/domain';
import { EntityManager } from 'typeorm';
import * as z from 'zod';
import { createTestDatabase, TestDatabase } from '../testing';
import { afterCommit } from './after-commit';
import { supportCaseRepository } from '../case-core/support-case.repository';

/**
 * Work queued with `afterCommit` (the live events' NOTIFY) runs only once its transaction has
 * committed, never for one that rolled back, and its failure never turns a committed change into
 * an error. The NOTIFY itself goes out in a statement of its own that does not wait for the disk.
 */
describe('after commit', () => {
  let db: TestDatabase;
  let listener: Client;
  const received: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.dataSource.query(`CREATE TABLE after_commit_probe (n integer)`);
    listener = new Client({ connectionString: db.url });
    await listener.connect();
    listener.on('notification', (message: Notification) => received.push(message.payload ?? ''));
    await listener.query(`LISTEN ${CASE_CHANGES_CHANNEL}`);
  });

  afterAll(async () => {
    await listener?.end();
    await db?.drop();
  });

  /** The one value a one-row, one-column statement answers. */
  const scalar = async <T>(manager: EntityManager, sql: string): Promise<T> => present((await manager.query<Array<{ v: T }>>(sql))[0], sql).v;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
  const event = (reference: string) =>
    ({
      type: 'case.updated',
      caseId: '00000000-0000-4000-8000-000000000001',
      reference,
      priority: 'high',
      status: 'new',
      assigneeId: null,
      at: new Date().toISOString(),
    }) as const;

  it('runs queued work after the commit, on committed data, in order', async () => {
    const ran: string[] = [];
    await db.dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO after_commit_probe VALUES (1)`);
      await afterCommit(manager, async (committed) => {
        // Another connection sees the row: the transaction has committed.
        ran.push(`first saw ${await scalar<number>(db.dataSource.manager, `SELECT count(*)::int AS v FROM after_commit_probe WHERE n = 1`)}`);
        expect(committed.queryRunner?.isTransactionActive ?? false).toBe(false);
      });
      await afterCommit(manager, () => Promise.resolve(void ran.push('second')));
      expect(ran).toEqual([]);
    });
    expect(ran).toEqual(['first saw 1', 'second']);
  });

  it('never runs work of a transaction that rolled back', async () => {
    const ran: string[] = [];
    await expect(
      db.dataSource.transaction(async (manager) => {
        await afterCommit(manager, () => Promise.resolve(void ran.push('ran')));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    // The next transaction on the pool's connections does not inherit it either.
    await db.dataSource.transaction((manager) => manager.query<unknown>(`SELECT 1`));
    expect(ran).toEqual([]);
  });

  it('runs at once outside a transaction, and a failure of the work never fails the committed change', async () => {
    const ran: string[] = [];
    await afterCommit(db.dataSource.manager, () => Promise.resolve(void ran.push('at once')));
    expect(ran).toEqual(['at once']);
    await db.dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO after_commit_probe VALUES (2)`);
      await afterCommit(manager, () => Promise.reject(new Error('the NOTIFY failed')));
    });
    expect(await scalar<number>(db.dataSource.manager, `SELECT count(*)::int AS v FROM after_commit_probe WHERE n = 2`)).toBe(1);
  });

  it('a live event is delivered once its change commits, and never for a change rolled back', async () => {
    received.length = 0;
    await expect(
      db.dataSource.transaction(async (manager) => {
        await announceLive(manager, event('SG-ROLL-BACK'));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await db.dataSource.transaction(async (manager) => {
      await announceLive(manager, event('SG-COMM-IT01'));
      await settle();
      expect(received).toEqual([]);
    });
    await settle();
    expect(received.map((payload) => z.looseObject({ reference: z.string() }).parse(JSON.parse(payload)).reference)).toEqual(['SG-COMM-IT01']);
  });

  it("the NOTIFY's setting that skips the disk wait ends with its own statement: the connection's next commit waits again", async () => {
    const seen: string[] = [];
    await db.dataSource.transaction(async (manager) => {
      seen.push(await scalar<string>(manager, `SELECT current_setting('synchronous_commit') AS v`));
      await announceLive(manager, event('SG-SYNC-0001'));
      // Queued after the announcement: runs on the same connection once it has been sent.
      await afterCommit(manager, async (committed) => void seen.push(await scalar<string>(committed, `SELECT current_setting('synchronous_commit') AS v`)));
    });
    expect(seen).toEqual(['on', 'on']);
  });

  it('announcements from inside and outside transactions at once never wait on each other for a connection (every one delivered)', async () => {
    received.length = 0;
    // Forty changes in transactions (each holds a pooled connection until its announcement is out)
    // and forty outside any (each needs a connection from the pool to send), on a pool of ten.
    const inside = Array.from({ length: 40 }, (_, i) => `SG-HELD-${String(i).padStart(4, '0')}`);
    const outside = Array.from({ length: 40 }, (_, i) => `SG-POOL-${String(i).padStart(4, '0')}`);
    await Promise.all([
      ...inside.map((reference) =>
        db.dataSource.transaction(async (manager) => {
          await manager.query(`INSERT INTO after_commit_probe VALUES (4)`);
          await announceLive(manager, event(reference));
        }),
      ),
      ...outside.map((reference) => announceLive(db.dataSource.manager, event(reference))),
    ]);
    await settle();
    const delivered = received
      .map((payload) => z.looseObject({ reference: z.string() }).parse(JSON.parse(payload)).reference)
      .filter((reference) => /^SG-(HELD|POOL)-/.test(reference));
    expect([...delivered].sort()).toEqual([...inside, ...outside].sort());
  }, 20_000);

  it('changes committed at the same moment are announced together: each event once, in fewer statements, even with every pooled connection waiting', async () => {
    received.length = 0;
    const statements = jest.spyOn(supportCaseRepository, 'announceAll');
    try {
      // Four times the pool's ten connections: every held connection ends up waiting for an announcement to go out.
      const references = Array.from({ length: 40 }, (_, i) => `SG-TOGE-${String(i).padStart(4, '0')}`);
      await Promise.all(
        references.map((reference) =>
          db.dataSource.transaction(async (manager) => {
            await manager.query(`INSERT INTO after_commit_probe VALUES (3)`);
            await announceLive(manager, event(reference));
          }),
        ),
      );
      await settle();
      // (The test before this one may still have an event on its way: only this test's count.)
      const delivered = received
        .map((payload) => z.looseObject({ reference: z.string() }).parse(JSON.parse(payload)).reference)
        .filter((reference) => reference.startsWith('SG-TOGE-'));
      expect([...delivered].sort()).toEqual(references);
      expect(statements.mock.calls.length).toBeGreaterThan(0);
      expect(statements.mock.calls.length).toBeLessThan(references.length);
      // The events arrive in the order the statements carried them, which is the order they were queued.
      const sent = statements.mock.calls.flatMap(([, , payloads]) =>
        payloads.map((payload) => z.looseObject({ reference: z.string() }).parse(JSON.parse(payload)).reference),
      );
      expect(delivered).toEqual(sent);
    } finally {
      statements.mockRestore();
    }
  });
});
