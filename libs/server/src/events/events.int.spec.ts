import { intakeResponseSchema, loginResponseSchema } from '@sg/contracts/schemas';
import { DEMO_ACCOUNTS } from '../accounts/demo-accounts';
import { CASE_CHANGES_CHANNEL } from '../case-core/case-notifier';
import { bodyOf, createTestDatabase, intakeFixture, startTestApi, TEST_PASSWORD, TestApi, testConfig, TestDatabase } from '../testing';
import { itemAt } from '@sg/domain';
import * as z from 'zod';

interface Received {
  event: string;
  data: Record<string, unknown>;
}

/** An open `GET /api/events`: what it has received so far, and whether the server ended it. */
interface Stream {
  received: Received[];
  ended: Promise<void>;
  isEnded(): boolean;
  close(): void;
}

async function openStream(baseUrl: string, token: string): Promise<Stream> {
  const abort = new AbortController();
  const response = await fetch(`${baseUrl}/api/events`, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: abort.signal });
  if (response.status !== 200 || !response.body) throw new Error(`stream answered ${response.status}`);
  const received: Received[] = [];
  let ended = false;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const done = (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { done: finished, value } = await reader.read();
        if (finished) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: ?(.*)$/m.exec(block)?.[1] ?? 'message';
          const data = [...block.matchAll(/^data: ?(.*)$/gm)].map((match) => match[1]).join('\n');
          if (data) received.push({ event, data: z.record(z.string(), z.unknown()).parse(JSON.parse(data)) });
        }
      }
    } catch {
      // aborted by close()
    }
    ended = true;
  })();
  return { received, ended: done, isEnded: () => ended, close: () => abort.abort() };
}

async function eventually<T>(probe: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const signIn = async (api: TestApi, email: string) => {
  const response = await api.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } });
  const { accessToken, user } = bodyOf(response, loginResponseSchema);
  return { token: accessToken, id: user.id };
};

/** The live stream tells each caller only what they may know, and only while their sign-in holds. */
describe('GET /api/events', () => {
  let db: TestDatabase;
  let api: TestApi;
  const streams: Stream[] = [];
  const email = (role: string, n = 0) =>
    itemAt(
      DEMO_ACCOUNTS.filter((account) => account.role === role),
      n,
      `demo ${role}`,
    ).email;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db, testConfig(db.url));
  });

  afterAll(async () => {
    for (const stream of streams) stream.close();
    await api?.close();
    await db?.drop();
  });

  const open = async (token: string, on = api) => {
    const stream = await openStream(on.baseUrl, token);
    streams.push(stream);
    return stream;
  };
  const about = (stream: Stream, caseId: string, type: string) => () =>
    stream.received.find((event) => event.data['caseId'] === caseId && event.data['type'] === type);

  it('sends a case held by someone else to a caseworker only as "it changed", and everything to those who may open it', async () => {
    const casey = await signIn(api, email('caseworker', 0));
    const charlie = await signIn(api, email('caseworker', 1));
    const supervisor = await signIn(api, email('supervisor'));
    const [caseyStream, charlieStream, supervisorStream] = await Promise.all([open(casey.token), open(charlie.token), open(supervisor.token)]);

    const intake = await api.request('POST', '/api/intakes', { body: intakeFixture() });
    expect(intake.status).toBe(201);
    // Unassigned: every caseworker may open it to triage it, so all see the whole event.
    const created = await eventually(
      () => charlieStream.received.find((event) => event.data['reference'] === bodyOf(intake, intakeResponseSchema).reference),
      'case.created',
    );
    const caseId = z.string().parse(created.data['caseId']);
    expect(created.data).toMatchObject({ type: 'case.created', priority: expect.any(String) as unknown, status: 'new', assigneeId: null });

    expect((await api.request('POST', `/api/cases/${caseId}/claim`, { token: casey.token })).status).toBe(200);
    const caseyClaim = await eventually(about(caseyStream, caseId, 'case.claimed'), 'the claim, to the claimer');
    expect(caseyClaim.data).toMatchObject({ reference: bodyOf(intake, intakeResponseSchema).reference, assigneeId: casey.id });
    expect((await eventually(about(supervisorStream, caseId, 'case.claimed'), 'the claim, to a supervisor')).data).toMatchObject({ assigneeId: casey.id });
    const charlieClaim = await eventually(about(charlieStream, caseId, 'case.claimed'), 'the claim, to another caseworker');
    // Enough for Charlie's lists to refresh (the claimed row leaves his unassigned queue); nothing about the case.
    expect(charlieClaim.data).toEqual({ type: 'case.claimed', caseId, at: expect.any(String) as unknown });
    expect(charlieClaim.event).toBe('case.claimed');

    // Reassigned to Charlie: now he may open it, and Casey may not.
    expect((await api.request('POST', `/api/cases/${caseId}/assign`, { token: supervisor.token, body: { assigneeId: charlie.id } })).status).toBe(200);
    expect((await eventually(about(charlieStream, caseId, 'case.assigned'), 'the assignment, to Charlie')).data).toMatchObject({
      assigneeId: charlie.id,
      reference: bodyOf(intake, intakeResponseSchema).reference,
    });
    expect((await eventually(about(caseyStream, caseId, 'case.assigned'), 'the assignment, to Casey')).data).toEqual({
      type: 'case.assigned',
      caseId,
      at: expect.any(String) as unknown,
    });
  });

  it('sends each stream exactly its own frames when many streams gather the same changes in one flush', async () => {
    const casey = await signIn(api, email('caseworker', 0));
    const charlie = await signIn(api, email('caseworker', 1));
    const supervisor = await signIn(api, email('supervisor'));
    // Two dashboards each for the supervisor and for Casey, one for Charlie: the supervisor's two gather the
    // same frames (and share their bytes); Casey's hold her notification too, Charlie's the bare signals.
    const [supervisorA, supervisorB, caseyA, caseyB, charlieStream] = await Promise.all([
      open(supervisor.token),
      open(supervisor.token),
      open(casey.token),
      open(casey.token),
      open(charlie.token),
    ]);
    const intake = await api.request('POST', '/api/intakes', { body: intakeFixture() });
    const { reference } = bodyOf(intake, intakeResponseSchema);
    const created = await eventually(() => charlieStream.received.find((event) => event.data['reference'] === reference), 'case.created');
    const caseId = z.string().parse(created.data['caseId']);
    expect((await api.request('POST', `/api/cases/${caseId}/claim`, { token: casey.token })).status).toBe(200);
    const notificationId = '00000000-0000-4000-8000-000000000002';
    // In the same flush window as the claim's event, where the timing allows: either way each stream's frames are its own.
    await db.dataSource.query(`SELECT pg_notify($1, $2)`, [
      CASE_CHANGES_CHANNEL,
      JSON.stringify({ type: 'notification.created', id: notificationId, recipientId: casey.id, at: new Date().toISOString() }),
    ]);
    const mine = (stream: Stream) => stream.received.filter((event) => event.data['caseId'] === caseId || event.data['id'] === notificationId);
    for (const stream of [supervisorA, supervisorB, caseyA, caseyB, charlieStream]) await eventually(about(stream, caseId, 'case.claimed'), 'the claim');
    for (const stream of [caseyA, caseyB]) await eventually(() => stream.received.find((event) => event.data['id'] === notificationId), "Casey's notification");
    // A later change proves every stream is flowing past the notification.
    await api.request('POST', '/api/intakes', { body: intakeFixture() });
    for (const stream of [supervisorA, supervisorB, charlieStream])
      await eventually(() => stream.received.filter((event) => event.data['type'] === 'case.created').length >= 2 || undefined, 'the later intake');

    const whole = { caseId, reference };
    expect(mine(supervisorA).map((event) => event.data)).toEqual([
      expect.objectContaining({ type: 'case.created', ...whole }),
      expect.objectContaining({ type: 'case.claimed', ...whole, assigneeId: casey.id }),
    ]);
    expect(mine(supervisorB)).toEqual(mine(supervisorA));
    for (const stream of [caseyA, caseyB])
      expect(mine(stream).map((event) => event.data)).toEqual([
        expect.objectContaining({ type: 'case.created', ...whole }),
        expect.objectContaining({ type: 'case.claimed', ...whole, assigneeId: casey.id }),
        expect.objectContaining({ type: 'notification.created', id: notificationId, recipientId: casey.id }),
      ]);
    expect(mine(charlieStream).map((event) => event.data)).toEqual([
      expect.objectContaining({ type: 'case.created', ...whole }),
      { type: 'case.claimed', caseId, at: expect.any(String) as unknown },
    ]);
  });

  it.each(['notification.created', 'notification.changed'])('sends %s to its recipient only, not to colleagues or supervisors', async (type) => {
    const casey = await signIn(api, email('caseworker', 0));
    const charlie = await signIn(api, email('caseworker', 1));
    const supervisor = await signIn(api, email('supervisor', 0));
    const [caseyStream, charlieStream, supervisorStream] = await Promise.all([open(casey.token), open(charlie.token), open(supervisor.token)]);
    const id = '00000000-0000-4000-8000-000000000001';
    await db.dataSource.query(`SELECT pg_notify($1, $2)`, [
      CASE_CHANGES_CHANNEL,
      JSON.stringify({ type, id, recipientId: casey.id, at: new Date().toISOString() }),
    ]);
    expect((await eventually(() => caseyStream.received.find((event) => event.data['type'] === type), 'the notification event')).data).toMatchObject({
      id,
      recipientId: casey.id,
    });
    // A later case event proves the other streams are flowing, and they carried nothing of Casey's before it.
    await api.request('POST', '/api/intakes', { body: intakeFixture() });
    for (const stream of [charlieStream, supervisorStream]) {
      await eventually(() => stream.received.find((event) => event.data['type'] === 'case.created'), 'a later event');
      expect(stream.received.filter((event) => event.data['type'] !== 'case.created')).toEqual([]);
    }
  });

  it('ends within seconds of the account being deactivated', async () => {
    const charlie = await signIn(api, email('caseworker', 1));
    const admin = await api.tokenFor('admin');
    const stream = await open(charlie.token);
    expect((await api.request('PATCH', `/api/staff/${charlie.id}`, { token: admin, body: { active: false } })).status).toBe(200);
    const started = Date.now();
    await Promise.race([stream.ended, new Promise((_, reject) => setTimeout(() => reject(new Error('the stream outlived the deactivation')), 12_000))]);
    expect(Date.now() - started).toBeLessThan(12_000);
    await api.request('PATCH', `/api/staff/${charlie.id}`, { token: admin, body: { active: true } });
  });

  it('ends within seconds of signing out', async () => {
    const login = await fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: email('supervisor'), password: TEST_PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const stream = await open(loginResponseSchema.parse(await login.json()).accessToken);
    expect((await fetch(`${api.baseUrl}/api/auth/logout`, { method: 'POST', headers: { cookie } })).status).toBe(204);
    const started = Date.now();
    await Promise.race([stream.ended, new Promise((_, reject) => setTimeout(() => reject(new Error('the stream outlived the sign-out')), 12_000))]);
    expect(Date.now() - started).toBeLessThan(12_000);
  });

  it('ends when the access token expires (the dashboard reconnects with a fresh one)', async () => {
    const shortLived = await startTestApi(db, { ...testConfig(db.url), accessTokenTtlSeconds: 2 });
    try {
      const casey = await signIn(shortLived, email('caseworker', 0));
      const stream = await open(casey.token, shortLived);
      const started = Date.now();
      await Promise.race([stream.ended, new Promise((_, reject) => setTimeout(() => reject(new Error('the stream outlived its token')), 8_000))]);
      expect(Date.now() - started).toBeLessThan(4_000);
      // With the expired token it cannot be reopened.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const again = await fetch(`${shortLived.baseUrl}/api/events`, { headers: { authorization: `Bearer ${casey.token}` } });
      expect(again.status).toBe(401);
    } finally {
      await shortLived.close();
    }
  });
});
