import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase, testConfig } from '../testing';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { migrateAsOwner, prepareDatabase } from './prepare-database';

/**
 * The application role (DATABASE_URL) against the tables: what an attacker holding the API's
 * database connection could try on the audit log. Every one must be refused by PostgreSQL itself.
 */
describe('the application database role', () => {
  let db: TestDatabase;
  let app: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.dataSource.query(`INSERT INTO audit_log (actor_id, action, after) VALUES (NULL, 'test.seed', '{"n": 1}')`);
    app = new Client({ connectionString: db.url });
    await app.connect();
  });

  afterAll(async () => {
    await app?.end();
    await db?.drop();
  });

  const refusal = (sql: string) =>
    app.query(sql).then(
      () => 'allowed',
      (error: Error) => error.message,
    );

  it('connects as a role of its own, neither superuser nor owner', async () => {
    const { rows } = await app.query<{
      role: string;
      rolsuper: boolean;
      owner: string;
    }>(`SELECT current_user AS role, r.rolsuper, pg_get_userbyid(c.relowner) AS owner
      FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.oid = 'audit_log'::regclass`);
    expect(rows[0]).toEqual({ role: db.appRole, rolsuper: false, owner: expect.not.stringMatching(db.appRole) as unknown });
  });

  it('cannot switch off the audit log trigger, nor alter or drop a table', async () => {
    expect(await refusal(`ALTER TABLE audit_log DISABLE TRIGGER USER`)).toMatch(/must be owner of table audit_log/);
    expect(await refusal(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`)).toMatch(/must be owner/);
    expect(await refusal(`ALTER TABLE support_case ADD COLUMN x int`)).toMatch(/must be owner/);
    expect(await refusal(`DROP TABLE audit_log`)).toMatch(/must be owner/);
    expect(await refusal(`CREATE TABLE sneaky (id int)`)).toMatch(/permission denied for schema public/);
  });

  it('cannot change session_replication_role (which would skip every trigger)', async () => {
    expect(await refusal(`SET session_replication_role = replica`)).toMatch(/permission denied to set parameter "session_replication_role"/);
  });

  it('may only read and append to the audit log', async () => {
    expect(await refusal(`UPDATE audit_log SET action = 'forged'`)).toMatch(/permission denied for table audit_log/);
    expect(await refusal(`DELETE FROM audit_log`)).toMatch(/permission denied for table audit_log/);
    expect(await refusal(`TRUNCATE audit_log`)).toMatch(/permission denied for table audit_log/);
    expect(await refusal(`INSERT INTO audit_log (actor_id, action) VALUES (NULL, 'test.append')`)).toBe('allowed');
    expect((await app.query<{ action: string }>(`SELECT action FROM audit_log ORDER BY id`)).rows.map((row) => row.action)).toEqual([
      'test.seed',
      'test.append',
    ]);
  });

  it('has the DML it needs on the other tables, the shared rate-limit counter too', async () => {
    expect(await refusal(`INSERT INTO rate_limit_counter (key, points, expire) VALUES ('k', 1, 0)`)).toBe('allowed');
    expect(await refusal(`UPDATE rate_limit_counter SET points = 2 WHERE key = 'k'`)).toBe('allowed');
    expect(await refusal(`DELETE FROM rate_limit_counter WHERE key = 'k'`)).toBe('allowed');
    expect(await refusal(`SELECT count(*) FROM bullmq.job`)).toBe('allowed');
  });

  it('may call the function the case page reads "seen in N" with, and may not replace it', async () => {
    expect(await refusal(`SELECT * FROM case_identifier_others_holding(gen_random_uuid(), '{handle}', '{someone}', true, 50)`)).toBe('allowed');
    expect(
      await refusal(`CREATE OR REPLACE FUNCTION case_identifier_others_holding(of_case uuid, kinds text[], vals text[], with_cases boolean, max_cases int)
        RETURNS TABLE (kind text, value text, other_cases int, cases json) LANGUAGE sql AS $$ SELECT NULL::text, NULL::text, 0, '[]'::json $$`),
    ).toMatch(/must be owner of function|permission denied for schema public/);
  });

  it('gets grants on a table a later migration adds (default privileges), still without owning it', async () => {
    await db.dataSource.query(`CREATE TABLE later_feature (id int PRIMARY KEY)`);
    expect(await refusal(`INSERT INTO later_feature VALUES (1)`)).toBe('allowed');
    expect(await refusal(`ALTER TABLE later_feature ADD COLUMN y int`)).toMatch(/must be owner/);
  });
});

describe('start-up as the owner (prepareDatabase)', () => {
  let db: TestDatabase;
  let warn: jest.SpyInstance;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });

  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });

  afterEach(() => warn.mockRestore());

  afterAll(async () => {
    await db?.drop();
  });

  it("migrates as DATABASE_OWNER_URL and grants DATABASE_URL's role, without a warning", async () => {
    await prepareDatabase({ ...testConfig(db.url), databaseOwnerUrl: db.ownerUrl, runMigrations: true }, { seed: false });
    expect(warn).not.toHaveBeenCalled();
    const app = new Client({ connectionString: db.url });
    await app.connect();
    try {
      expect((await app.query(`SELECT count(*)::int AS n FROM staff_user`)).rows).toEqual([{ n: 0 }]);
      await expect(app.query(`DELETE FROM audit_log`)).rejects.toThrow(/permission denied/);
      expect((await app.query(`SELECT count(*)::int AS n FROM bullmq.job`)).rows).toEqual([{ n: 0 }]);
    } finally {
      await app.end();
    }
  });

  it('grants safely when the API and several workers start at the same moment', async () => {
    const owners = await Promise.all([1, 2, 3, 4].map(() => new DataSource(dataSourceOptions(db.ownerUrl)).initialize()));
    try {
      for (let round = 0; round < 3; round++) {
        await Promise.all(owners.map((owner) => migrateAsOwner(owner, { queueSchema: true, appRole: db.appRole })));
      }
    } finally {
      await Promise.all(owners.map((owner) => owner.destroy()));
    }
  });

  it('names DATABASE_OWNER_URL when DATABASE_URL is the application role and no owner was given', async () => {
    await expect(prepareDatabase({ ...testConfig(db.url), runMigrations: true }, { seed: false })).rejects.toThrow(
      `DATABASE_URL's role "${db.appRole}" may not change the schema`,
    );
  });

  it('warns loudly when there is no owner URL: the application then runs as the owner', async () => {
    await prepareDatabase({ ...testConfig(db.ownerUrl), runMigrations: true }, { seed: false });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('The application runs as the database owner'));
  });
});

/**
 * MIGRATIONS_RUN=false: someone else (a deploy pipeline's `main.js migrate`) prepared the database.
 * If that run used the other queue backend (REDIS_URL set), BullMQ's PostgreSQL schema was never
 * made: the app would start, log that it listens, and answer 503 on /api/health for ever.
 */
describe('start-up without migrations (prepareDatabase, MIGRATIONS_RUN=false)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    // The application's migrations and grants, but not BullMQ's schema: what `migrate` does with REDIS_URL set.
    await migrateAsOwner(db.dataSource, { queueSchema: false, appRole: db.appRole });
  });

  afterAll(async () => {
    await db?.drop();
  });

  it("refuses to start on the PostgreSQL queue backend when BullMQ's schema is missing, saying why and what to run", async () => {
    const start = prepareDatabase({ ...testConfig(db.url), databaseOwnerUrl: db.ownerUrl, runMigrations: false }, { seed: false });
    await expect(start).rejects.toThrow(/BullMQ's PostgreSQL schema "bullmq" is missing.*REDIS_URL.*MIGRATIONS_RUN/s);
  });

  it('starts on the Redis queue backend, which needs no such schema', async () => {
    await prepareDatabase({ ...testConfig(db.url), databaseOwnerUrl: db.ownerUrl, runMigrations: false, queueBackend: 'redis' }, { seed: false });
  });

  it('starts once the schema is there', async () => {
    await migrateAsOwner(db.dataSource, { queueSchema: true, appRole: db.appRole });
    await prepareDatabase({ ...testConfig(db.url), databaseOwnerUrl: db.ownerUrl, runMigrations: false }, { seed: false });
  });
});
