import { INestApplicationContext } from '@nestjs/common';
import { IntakeRequest, IntakeResponse } from '@sg/contracts';
import { conversationSessionSchema, intakeResponseSchema } from '@sg/contracts/schemas';
import { randomUUID } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { translatorFor } from '@sg/i18n/server';
import { bodyOf, createTestDatabase, firstRowOf, intakeFixture, rowsOf, startTestApi, startTestWorker, TestApi, TestDatabase, testConfig } from '../testing';
import { NudgeProcessor } from './nudge.processor';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** Quoted-printable (body) or Q/B encoded-word (header) text back to UTF-8. */
function decodeQuotedPrintable(text: string): string {
  const flat = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < flat.length; i += 1) {
    const hex = flat.slice(i + 1, i + 3);
    if (flat[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(flat.charAt(i), 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The subject and text of a single-part mail as the person reads them (raw MIME encodes non-ASCII). */
function readMail(raw: string): { subject: string; text: string } {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(headers)?.[1] ?? '';
  const subject = header('Subject')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, encoding: string, data: string) =>
      encoding.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text = encoding === 'quoted-printable' ? decodeQuotedPrintable(body) : encoding === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : body;
  return { subject, text: text.replace(/\r\n/g, '\n') };
}

/**
 * The nudge that tells the person a message is waiting: sent through a real SMTP server started
 * here, and read back as it arrived. It must not reveal the case to whoever sees the screen.
 */
describe('nudges', () => {
  let db: TestDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  let smtp: SMTPServer;
  let caseworker: string;
  const received: Received[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const listening = smtp.server.address();
    if (listening === null || typeof listening === 'string') throw new Error('the SMTP server is not listening on a port');
    const port = listening.port;
    db = await createTestDatabase();
    const config = testConfig(db.url, {
      smtpUrl: `smtp://127.0.0.1:${port}`,
      nudgeFromNeutral: 'Messages <hello@neutral.example>',
      nudgeFromNamed: 'Safe Harbour <team@safeharbour.example>',
      publicUrl: 'https://help.safeharbour.example',
    });
    api = await startTestApi(db, config);
    worker = await startTestWorker(config);
    caseworker = await api.tokenFor('caseworker');
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await db?.drop();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  async function heldCase(changes: Partial<IntakeRequest>): Promise<{ id: string; intake: IntakeResponse }> {
    const intake = bodyOf(await api.request('POST', '/api/intakes', { body: intakeFixture(changes) }), intakeResponseSchema);
    const row = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [intake.reference]);
    expect((await api.request('POST', `/api/cases/${row.id}/claim`, { token: caseworker })).status).toBe(200);
    return { id: row.id, intake };
  }
  const write = (caseId: string, body: string) =>
    api.request('POST', `/api/cases/${caseId}/conversation/messages`, { token: caseworker, body: { clientMessageId: randomUUID(), body } });
  const readStatus = async (caseId: string) =>
    (
      await rowsOf<{ nudge_status: string | null }>(
        db.dataSource,
        `SELECT nudge_status FROM case_message WHERE case_id = $1 AND author_kind = 'staff' ORDER BY sent_at`,
        [caseId],
      )
    ).map((r) => r.nudge_status);
  /** The nudges' states once none is in flight: the mail can arrive a moment before the worker commits "sent". */
  async function nudgeStatus(caseId: string): Promise<Array<string | null>> {
    for (let i = 0; i < 100; i += 1) {
      const statuses = await readStatus(caseId);
      if (!statuses.includes('pending')) return statuses;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return readStatus(caseId);
  }
  async function mailTo(address: string): Promise<Received> {
    for (let i = 0; i < 100; i += 1) {
      const mail = received.find((m) => m.to.includes(address));
      if (mail) return mail;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`No mail to ${address}`);
  }

  it('e-mails a nudge that names nobody and reveals nothing, from the neutral sender', async () => {
    const address = `teen.${randomUUID().slice(0, 8)}@example.com`;
    const { id, intake } = await heldCase({
      contact: { channel: 'email', value: address, canMentionOrganisation: false },
      platforms: [{ platform: 'Instagram', offenderHandle: '@threatener.01', profileUrl: 'https://instagram.com/threatener.01' }],
      narrative: 'Someone I met in a game says they will send my pictures to my school unless I pay.',
    });
    expect((await write(id, 'Please do not pay them. We are here to help you report threatener.01.')).status).toBe(201);
    const mail = await mailTo(address);
    expect(mail.from).toBe('hello@neutral.example');
    const raw = mail.raw;
    expect(raw).toContain('You have a new message');
    // What must never appear in a nudge (issue 10, pinned): the reference, the code, the organisation's
    // name, platforms, handles, and words of the narrative or the messages.
    for (const secret of [
      intake.reference,
      intake.accessCode,
      'Safe Harbour',
      'safeharbour',
      'Safeguard',
      'Instagram',
      'threatener',
      'pictures',
      'school',
      'do not pay',
      'report',
    ]) {
      expect(raw.toLowerCase()).not.toContain(secret.toLowerCase());
    }
    expect(await nudgeStatus(id)).toEqual(['sent']);
  });

  it('names the organisation and links to the case page only when the person allowed it', async () => {
    const address = `adult.${randomUUID().slice(0, 8)}@example.com`;
    const { id, intake } = await heldCase({ contact: { channel: 'email', value: address, canMentionOrganisation: true } });
    await write(id, 'Hello from the team.');
    const mail = await mailTo(address);
    expect(mail.from).toBe('team@safeharbour.example');
    expect(mail.raw).toContain('https://help.safeharbour.example/my-case');
    expect(mail.raw).not.toContain(intake.reference);
    expect(mail.raw).not.toContain('Hello from the team');
  });

  // Secrets of a held case: never in a nudge, in any language.
  const secretsOf = (intake: IntakeResponse) => [
    intake.reference,
    intake.accessCode,
    'Safe Harbour',
    'safeharbour',
    'Safeguard',
    'Instagram',
    'threatener',
    'pictures',
    'school',
    'pagar',
    'bayar',
    'do not pay',
  ];

  it('writes the nudge in the language the person filled the form in (Malay), revealing nothing', async () => {
    const address = `malay.${randomUUID().slice(0, 8)}@example.com`;
    const { id, intake } = await heldCase({
      language: 'ms',
      contact: { channel: 'email', value: address, canMentionOrganisation: false },
      platforms: [{ platform: 'Instagram', offenderHandle: '@threatener.02', profileUrl: 'https://instagram.com/threatener.02' }],
      narrative: 'Someone says they will send my pictures to my school unless I pay.',
    });
    expect((await write(id, 'Jangan bayar mereka. Kami di sini untuk membantu.')).status).toBe(201);
    const mail = await mailTo(address);
    expect(mail.from).toBe('hello@neutral.example');
    const { subject, text } = readMail(mail.raw);
    const ms = translatorFor('ms');
    expect(subject).toBe('Anda ada mesej baharu');
    expect(text.trim()).toBe(`${ms.t('person.nudge.greeting')}\n\n${ms.t('person.nudge.newMessage')}\n\n${ms.t('person.nudge.readOnSite')}`);
    expect(text).not.toContain('You have a new message');
    for (const secret of [...secretsOf(intake), 'Jangan', 'membantu']) expect(`${subject}\n${text}`.toLowerCase()).not.toContain(secret.toLowerCase());
    expect(mail.raw).not.toMatch(/https?:\/\/help\.safeharbour/);
    expect(await nudgeStatus(id)).toEqual(['sent']);
  });

  it('follows the language the person switched to on their page (Spanish), revealing nothing', async () => {
    const address = `spanish.${randomUUID().slice(0, 8)}@example.com`;
    const { id, intake } = await heldCase({
      contact: { channel: 'email', value: address, canMentionOrganisation: false },
      platforms: [{ platform: 'Instagram', offenderHandle: '@threatener.03' }],
      narrative: 'Dice que enviará mis fotos a mi escuela si no pago.',
    });
    const session = bodyOf(
      await api.request('POST', '/api/conversation/session', { body: { reference: intake.reference, accessCode: intake.accessCode } }),
      conversationSessionSchema,
    ).sessionToken;
    expect((await api.request('PUT', '/api/case-access/current/language', { headers: { 'x-case-session': session }, body: { language: 'es' } })).status).toBe(
      204,
    );
    expect((await write(id, 'No les pagues. Estamos aquí para ayudarte con tu denuncia.')).status).toBe(201);
    const mail = await mailTo(address);
    expect(mail.from).toBe('hello@neutral.example');
    const { subject, text } = readMail(mail.raw);
    const es = translatorFor('es');
    expect(subject).toBe('Tienes un mensaje nuevo');
    expect(text.trim()).toBe(`${es.t('person.nudge.greeting')}\n\n${es.t('person.nudge.newMessage')}\n\n${es.t('person.nudge.readOnSite')}`);
    expect(text).toContain('código');
    for (const secret of [...secretsOf(intake), 'fotos', 'escuela', 'pagues', 'denuncia', 'ayudarte'])
      expect(`${subject}\n${text}`.toLowerCase()).not.toContain(secret.toLowerCase());
    expect(await nudgeStatus(id)).toEqual(['sent']);
  });

  it("names the organisation and links to the case page in the person's language when allowed", async () => {
    const address = `malay.named.${randomUUID().slice(0, 8)}@example.com`;
    const { id, intake } = await heldCase({ language: 'ms', contact: { channel: 'email', value: address, canMentionOrganisation: true } });
    await write(id, 'Salam dari pasukan.');
    const mail = await mailTo(address);
    expect(mail.from).toBe('team@safeharbour.example');
    const { subject, text } = readMail(mail.raw);
    const organisation = await firstRowOf<{ name: string }>(db.dataSource, `SELECT name FROM organisation ORDER BY created_at, id LIMIT 1`);
    expect(subject).toBe(`Anda ada mesej baharu daripada ${organisation.name}`);
    expect(text).toContain('https://help.safeharbour.example/ms/my-case');
    expect(mail.raw).not.toContain(intake.reference);
    expect(mail.raw).not.toContain('Salam dari pasukan');
  });

  it('nudges once per unread run, and again once the person has read', async () => {
    const address = `run.${randomUUID().slice(0, 8)}@example.com`;
    const { id, intake } = await heldCase({ contact: { channel: 'email', value: address, canMentionOrganisation: false } });
    await write(id, 'one');
    await write(id, 'two');
    await mailTo(address);
    expect(await nudgeStatus(id)).toEqual(['sent', null]);
    const session = bodyOf(
      await api.request('POST', '/api/conversation/session', { body: { reference: intake.reference, accessCode: intake.accessCode } }),
      conversationSessionSchema,
    ).sessionToken;
    expect((await api.request('GET', '/api/conversation', { headers: { 'x-case-session': session } })).status).toBe(200);
    await write(id, 'three');
    for (let i = 0; i < 100 && received.filter((m) => m.to.includes(address)).length < 2; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received.filter((m) => m.to.includes(address))).toHaveLength(2);
    expect(await nudgeStatus(id)).toEqual(['sent', null, 'sent']);
  });

  it('does not nudge without consent, for a phone number (staff call) or with no channel', async () => {
    const noConsent = await heldCase({
      contact: { channel: 'email', value: 'quiet@example.com', canMentionOrganisation: false },
      consent: { storeData: true, contactMe: false },
    });
    const phone = await heldCase({ contact: { channel: 'phone', value: '+1 555 0100', canMentionOrganisation: false } });
    const none = await heldCase({ contact: { channel: 'none', canMentionOrganisation: false }, consent: { storeData: true, contactMe: false } });
    for (const c of [noConsent, phone, none]) await write(c.id, 'hello');
    for (const c of [noConsent, phone, none]) expect(await nudgeStatus(c.id)).toEqual([null]);
    expect(received.some((m) => m.to.includes('quiet@example.com'))).toBe(false);
  });

  it('records an SMS nudge without a provider as not delivered, and never logs the number or the text', async () => {
    const { id } = await heldCase({ contact: { channel: 'sms', value: '+1 555 0199', canMentionOrganisation: false } });
    await write(id, 'hello by text');
    expect(await nudgeStatus(id)).toEqual(['undeliverable']);
  });

  it('sends a nudge whose job was lost, once, from the sweep', async () => {
    const address = `lost.${randomUUID().slice(0, 8)}@example.com`;
    const { id } = await heldCase({ contact: { channel: 'email', value: address, canMentionOrganisation: false } });
    // As if the API had stored the message but never reached the queue: pending, no job, a while ago.
    const message = await firstRowOf<{ id: string }>(
      db.dataSource,
      `INSERT INTO case_message (case_id, author_kind, author_id, client_message_id, body_sealed, sent_at, nudge_status)
       SELECT $1, 'staff', assignee_id, gen_random_uuid(), '\\x01'::bytea, now() - interval '1 minute', 'pending' FROM support_case WHERE id = $1 RETURNING id`,
      [id],
    );
    const processor = worker.get(NudgeProcessor);
    expect(await processor.sweep()).toBeGreaterThanOrEqual(1);
    await mailTo(address);
    expect(await processor.send(message.id)).toBe('none');
    expect(received.filter((m) => m.to.includes(address))).toHaveLength(1);
  });
});
