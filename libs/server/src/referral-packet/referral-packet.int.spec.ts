import { intakeResponseSchema, loginResponseSchema } from '@sg/contracts/schemas';
import {
  bodyOf,
  createTestDatabase,
  embeddedFonts,
  firstRowOf,
  intakeFixture,
  pdfText,
  startTestApi,
  TEST_PASSWORD,
  TestApi,
  testConfig,
  TestDatabase,
} from '../testing';

interface Packet {
  status: number;
  headers: Headers;
  /** The PDF's text, pages joined (pdf-parse marks each page's end with "-- n of N --"). */
  text: string;
  pages: number;
  json: unknown;
}

const SHA = 'a3f1c2d4e5b6a7980112233445566778899aabbccddeeff00112233445566778';

/**
 * The referral packet read back from the PDF itself (pdf-parse, not a system tool): the sections
 * and values a police officer needs are there, contact details only when chosen and consented,
 * each page says who made it and when, and nothing of a case the requester may not open.
 */
describe('referral packet', () => {
  let db: TestDatabase;
  let api: TestApi;
  let holder = '';
  let supervisor = '';
  let colleague = '';
  let colleagueId = '';
  let caseId = '';
  let reference = '';
  let unconsentedId = '';

  async function packet(id: string, query: string, token: string): Promise<Packet> {
    const response = await fetch(`${api.baseUrl}/api/cases/${id}/referral-packet?${query}`, { headers: { authorization: `Bearer ${token}` } });
    const bytes = Buffer.from(await response.arrayBuffer());
    if (response.headers.get('content-type')?.startsWith('application/pdf')) {
      const parsed = await pdfText(bytes);
      return { status: response.status, headers: response.headers, text: parsed.text, pages: parsed.pages, json: null };
    }
    return { status: response.status, headers: response.headers, text: '', pages: 0, json: bytes.length ? JSON.parse(bytes.toString('utf8')) : null };
  }

  const auditRows = async (action: string): Promise<Array<{ actor_id: string; case_id: string | null; after: Record<string, unknown> }>> =>
    db.dataSource.query(`SELECT actor_id, case_id, after FROM audit_log WHERE action = $1 ORDER BY id`, [action]);

  async function submit(changes: Parameters<typeof intakeFixture>[0]): Promise<{ id: string; reference: string }> {
    const submitted = await api.request('POST', '/api/intakes', { body: intakeFixture(changes) });
    expect(submitted.status).toBe(201);
    const { reference } = bodyOf(submitted, intakeResponseSchema);
    const row = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [reference]);
    return { id: row.id, reference };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db, testConfig(db.url));
    holder = await api.tokenFor('caseworker');
    supervisor = await api.tokenFor('supervisor');
    colleague = bodyOf(
      await api.request('POST', '/api/auth/login', { body: { email: 'caseworker2@demo.test', password: TEST_PASSWORD } }),
      loginResponseSchema,
    ).accessToken;
    colleagueId = (await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM staff_user WHERE email = 'caseworker2@demo.test'`)).id;

    ({ id: caseId, reference } = await submit({
      platforms: [{ platform: 'Instagram', offenderHandle: '@сергей_77', profileUrl: 'https://instagram.com/sergei77' }],
      narrative: 'They said they would post the photos to my class group unless I paid.',
    }));
    expect((await api.request('POST', `/api/cases/${caseId}/claim`, { token: holder })).status).toBe(200);
    const evidence = await api.request('POST', `/api/cases/${caseId}/evidence`, {
      token: holder,
      body: {
        kind: 'payment',
        platform: 'Instagram',
        description: 'Asked for a gift card after the first threat',
        paymentReference: 'TXN-884422',
        seenAt: '2026-11-30T21:15:00.000Z',
        sha256: SHA,
        fileName: 'threat-screenshot.png',
        identifiers: [{ kind: 'gift_card', value: 'ABCD-EFGH-1234' }],
      },
    });
    expect(evidence.status).toBe(201);
    const takedown = await api.request('POST', `/api/cases/${caseId}/takedowns`, {
      token: holder,
      body: { platform: 'Instagram', account: '@сергей_77', channel: 'platform_form', ticketNumber: 'IG-TICKET-5521' },
    });
    expect(takedown.status).toBe(201);
    const report = await api.request('POST', `/api/cases/${caseId}/reports`, {
      token: holder,
      body: { agencyKind: 'police', agencyName: 'Springfield Police', referenceNumber: 'SPD-2026-0099', filedAt: '2026-12-01T09:00:00.000Z' },
    });
    expect(report.status).toBe(201);

    ({ id: unconsentedId } = await submit({ contact: { channel: 'none', canMentionOrganisation: false }, consent: { storeData: true, contactMe: false } }));
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('the police packet carries the facts, timeline, identifiers, evidence with hashes, takedowns and reports with their numbers', async () => {
    const result = await packet(caseId, 'recipient=police', holder);
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('application/pdf');
    expect(result.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="referral-packet-${reference}-police\\.pdf"$`));
    expect(result.headers.get('cache-control')).toContain('no-store');
    const text = result.text;
    for (const section of [
      'Referral packet',
      'For: Police',
      'Facts',
      'Timeline',
      'Offender identifiers',
      'Evidence log',
      'Takedown requests',
      'Reports to agencies',
      'Linked cases',
    ]) {
      expect(text).toContain(section);
    }
    expect(text).toContain(reference);
    // A non-Latin handle renders as itself (the embedded DejaVu font), not as boxes.
    expect(text).toContain('@сергей_77');
    expect(text).toContain('They said they would post the photos to my class group unless I paid.');
    expect(text).toContain(SHA);
    expect(text).toContain('TXN-884422');
    // The gift-card code is sealed at rest; the packet is the one place it is opened.
    expect(text).toContain('ABCDEFGH1234');
    expect(text).toContain('IG-TICKET-5521');
    expect(text).toContain('SPD-2026-0099');
    expect(text).toContain('Springfield Police');
    expect(text).toContain('Claimed');
    // No link table yet: the section says so instead of silently leaving it out.
    expect(text).toContain('No linked cases.');
    expect(text).not.toContain('teen.person@example.com');
    expect(text).not.toContain('Contact details');
  });

  it('every page says who generated it and when, and which page it is', async () => {
    const result = await packet(caseId, 'recipient=police', holder);
    const footers = result.text.match(/Generated by Casey Caseworker on [^\n]+ · Page \d+ of \d+/g) ?? [];
    expect(footers).toHaveLength(result.pages);
    expect(footers[0]).toMatch(new RegExp(`Page 1 of ${result.pages}$`));
  });

  it('contact details appear only when chosen, and the choice is audited without the content', async () => {
    const before = (await auditRows('case.referral_packet')).length;
    const withContact = await packet(caseId, 'recipient=cybertipline&includeContact=true', holder);
    expect(withContact.status).toBe(200);
    expect(withContact.text).toContain('Contact details');
    expect(withContact.text).toContain('teen.person@example.com');
    expect(withContact.text).toContain('For: NCMEC CyberTipline');
    const rows = (await auditRows('case.referral_packet')).slice(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.case_id).toBe(caseId);
    expect(rows[0]?.after).toEqual({ recipient: 'cybertipline', contactIncluded: true });
    expect(JSON.stringify(rows[0])).not.toContain('teen.person');
  });

  it('refuses contact details the person did not consent to share, and audits nothing as generated', async () => {
    const before = (await auditRows('case.referral_packet')).length;
    const refused = await packet(unconsentedId, 'recipient=police&includeContact=true', supervisor);
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.json)).toMatch(/did not agree to be contacted/);
    expect((await auditRows('case.referral_packet')).length).toBe(before);
    const without = await packet(unconsentedId, 'recipient=police', supervisor);
    expect(without.status).toBe(200);
    expect(without.text).not.toContain('Contact details');
  });

  it("a platform's packet leaves out the person's own account", async () => {
    const result = await packet(caseId, 'recipient=platform', holder);
    expect(result.text).toContain('For: Platform trust & safety');
    expect(result.text).toContain('@сергей_77');
    expect(result.text).not.toContain('They said they would post the photos');
  });

  it('a caseworker who may not open the case gets 403, and the refusal is audited; so is a probe for no case', async () => {
    const before = (await auditRows('case.read_denied')).length;
    const refused = await packet(caseId, 'recipient=police', colleague);
    expect(refused.status).toBe(403);
    const missing = '00000000-0000-4000-8000-0000000000ab';
    expect((await packet(missing, 'recipient=police', colleague)).status).toBe(404);
    expect((await auditRows('case.read_denied')).slice(before)).toEqual([
      { actor_id: colleagueId, case_id: caseId, after: { status: 403, route: '/api/cases/:id/referral-packet' } },
      { actor_id: colleagueId, case_id: missing, after: { status: 404, route: '/api/cases/:id/referral-packet' } },
    ]);
    expect((await auditRows('case.referral_packet')).filter((row) => row.actor_id === colleagueId)).toEqual([]);
  });

  it('the packet is written in the staff member’s language', async () => {
    await db.dataSource.query(`UPDATE staff_user SET language = 'ms' WHERE email = 'supervisor@demo.test'`);
    try {
      const result = await packet(caseId, 'recipient=police', supervisor);
      expect(result.text).toContain('Pakej rujukan');
      expect(result.text).toContain('Log bukti');
      expect(result.text).toContain('Dijana oleh Sam Supervisor');
    } finally {
      await db.dataSource.query(`UPDATE staff_user SET language = 'en' WHERE email = 'supervisor@demo.test'`);
    }
  });

  it('prints handles and text in scripts DejaVu Sans lacks with embedded fallback fonts, and they read back as themselves', async () => {
    const arabic = ['هددني', 'بنشر', 'الصور'];
    const { id } = await submit({
      platforms: [
        { platform: 'WeChat', offenderHandle: '@王小明_88' },
        { platform: 'KakaoTalk', offenderHandle: '김민준' },
        { platform: 'LINE', offenderHandle: 'สมชาย99' },
        { platform: 'Instagram', offenderHandle: 'राहुल' },
        { platform: 'Snapchat', offenderHandle: '@مراد' },
      ],
      narrative: `He wrote: ${arabic.join(' ')} (then in English again).`,
    });
    const response = await fetch(`${api.baseUrl}/api/cases/${id}/referral-packet?recipient=police`, { headers: { authorization: `Bearer ${supervisor}` } });
    expect(response.status).toBe(200);
    const pdf = Buffer.from(await response.arrayBuffer());
    const { text } = await pdfText(pdf);
    for (const handle of ['WeChat · @王小明_88', 'KakaoTalk · 김민준', 'LINE · สมชาย99', 'Instagram · राहुल', 'Snapchat · @مراد'])
      expect(text).toContain(handle);
    // A right-to-left phrase prints from the right; pdf.js gives each word back as itself but the
    // words of one line in the order they stand on the page, so the words are what is compared.
    expect(text).toContain('He wrote: ');
    expect(text).toContain(' (then in English again).');
    for (const word of arabic) expect(text).toContain(word);
    expect(new Set(embeddedFonts(pdf))).toEqual(
      new Set(['DejaVuSans', 'DejaVuSans-Bold', 'NotoSansHans-Regular', 'NotoSansKR-Regular', 'NotoSansThai-Regular', 'NotoSansDevanagari-Regular']),
    );
    // A packet in Latin and Cyrillic only embeds DejaVu Sans alone, as before.
    const plain = await fetch(`${api.baseUrl}/api/cases/${caseId}/referral-packet?recipient=police`, { headers: { authorization: `Bearer ${holder}` } });
    expect(new Set(embeddedFonts(Buffer.from(await plain.arrayBuffer())))).toEqual(new Set(['DejaVuSans', 'DejaVuSans-Bold']));
  });

  it('rejects a recipient it does not know', async () => {
    expect((await packet(caseId, 'recipient=newspaper', holder)).status).toBe(400);
  });
});
