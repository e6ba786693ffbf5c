import { PassThrough } from 'node:stream';
import * as z from 'zod';
import { createTestDatabase, intakeFixture, jsonObjectSchema, startTestApi, TestApi, TestDatabase, testConfig } from '../testing';

/** A line of pino's JSON log, as far as this spec reads it (the rest kept as it is). */
const logLineSchema = z.looseObject({ level: z.number(), msg: z.string().optional() });
type LogLine = z.output<typeof logLineSchema>;

/** A line's `req`: the request as the logger wrote it. */
const requestOf = (line: LogLine | undefined) => jsonObjectSchema.parse(line?.['req']);

/** pino's numeric levels. */
const WARN = 40;
const ERROR = 50;

/**
 * What the API writes to its logs, read as an operator (or whoever gets the log files) would:
 * no client address beyond the network it came from, no search terms, and a client's mistake
 * (4xx) is not an error with a stack trace.
 */
describe('request logs', () => {
  let db: TestDatabase;
  let api: TestApi;
  const lines: LogLine[] = [];
  /** A marker the spec's client sends as its address (through the trusted loopback proxy). */
  const CLIENT = '198.51.100.77';
  const CLIENT_V6 = '2001:db8:1234:5678:9abc:def0:1234:5678';

  beforeAll(async () => {
    db = await createTestDatabase();
    const logs = new PassThrough();
    let pending = '';
    logs.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const complete = pending.split('\n');
      pending = complete.pop() ?? '';
      for (const line of complete) if (line.trim()) lines.push(logLineSchema.parse(JSON.parse(line)));
    });
    api = await startTestApi(db, { ...testConfig(db.url), logLevel: 'info' }, { logs });
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  /** The request lines logged since `from`, once the response's line is written (it follows the answer). */
  async function requestLinesFrom(from: number, count = 1): Promise<LogLine[]> {
    const deadline = Date.now() + 2000;
    for (;;) {
      const found = lines.slice(from).filter((line) => line['req'] !== undefined);
      if (found.length >= count || Date.now() > deadline) return found;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it('an intake line keeps no client address: only the network it came from', async () => {
    const from = lines.length;
    const response = await api.request('POST', '/api/intakes', { body: intakeFixture(), headers: { 'x-forwarded-for': CLIENT } });
    expect(response.status).toBe(201);
    const v6 = await api.request('POST', '/api/intakes', { body: intakeFixture(), headers: { 'x-forwarded-for': CLIENT_V6 } });
    expect(v6.status).toBe(201);
    const logged = await requestLinesFrom(from, 2);
    expect(logged).toHaveLength(2);
    const text = JSON.stringify(lines.slice(from));
    expect(text).not.toContain(CLIENT);
    expect(text).not.toContain('127.0.0.1');
    expect(text).not.toContain('9abc');
    expect(text).not.toContain('remotePort');
    // Enough to see a flood from one network, not enough to name a household.
    expect(logged.map((line) => requestOf(line)['client'])).toEqual(['198.51.100.0/24', '2001:db8:1234::/48']);
  });

  it('a search is logged without its terms', async () => {
    const token = await api.tokenFor('caseworker');
    const from = lines.length;
    const search = await api.request('GET', '/api/cases?queue=search&q=threatener.01', { token });
    expect(search.status).toBe(200);
    const [line] = await requestLinesFrom(from);
    const text = JSON.stringify(lines.slice(from));
    expect(text).not.toContain('threatener');
    expect(requestOf(line)['url']).toBe('/api/cases?queue=[redacted]&q=[redacted]');
  });

  it.each([
    ['413, a body over the limit', () => api.request('POST', '/api/intakes', { body: { narrative: 'x'.repeat(2 * 1024 * 1024) } }), 413],
    [
      '415, a body in a charset the API does not read',
      () => api.request('POST', '/api/intakes', { body: '{}', headers: { 'content-type': 'application/json; charset=latin1' } }),
      415,
    ],
    [
      '400, a body that is not valid JSON',
      () => api.request('POST', '/api/intakes', { body: '{"narrative":', headers: { 'content-type': 'application/json' } }),
      400,
    ],
    ['404, no such route', () => api.request('GET', '/api/no-such-thing'), 404],
  ] as const)('%s is a warning without a stack, not an error', async (_name, send, status) => {
    const from = lines.length;
    expect((await send()).status).toBe(status);
    const [line] = await requestLinesFrom(from);
    expect(line?.level).toBe(WARN);
    expect(lines.slice(from).filter((logged) => logged.level >= ERROR)).toEqual([]);
    expect(JSON.stringify(lines.slice(from))).not.toContain('"stack"');
  });
});
