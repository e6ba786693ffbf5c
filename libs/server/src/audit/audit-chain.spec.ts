import { AuditRowForChain, canonicalPayloadHash, payloadHash, sealRows, verifyLinks } from './audit-chain';

const row = (id: number, after: string | null = `{"n": ${id}}`): AuditRowForChain => ({
  id: String(id),
  atMicros: String(1_700_000_000_000_000 + id),
  actorId: null,
  action: 'case.read',
  caseId: '11111111-1111-4111-8111-111111111111',
  targetKind: null,
  targetId: null,
  before: null,
  after,
  payloadHash: null,
});

describe('the audit hash chain', () => {
  const rows: [AuditRowForChain, AuditRowForChain, AuditRowForChain] = [row(1), row(2), row(3)];
  const links = sealRows(null, rows);
  const joined = (table: AuditRowForChain[]) => links.map((link, i) => ({ link, row: table[i] }));

  it('continues across batches exactly as if sealed at once', () => {
    const first = sealRows(null, rows.slice(0, 2));
    const rest = sealRows(first[1] ?? null, rows.slice(2));
    expect([...first, ...rest]).toEqual(links);
    expect(links.map((link) => link.position)).toEqual(['1', '2', '3']);
  });

  it('verifies an untouched chain, and one whose payloads were purged', () => {
    expect(verifyLinks(null, joined(rows))).toMatchObject({ checked: 3, purged: 0, breaks: [] });
    expect(verifyLinks(null, joined([rows[0], row(2, null), rows[2]]))).toMatchObject({ purged: 1, breaks: [] });
  });

  it('names the row whose columns or payload changed, and a missing link', () => {
    const changed = { ...rows[1], action: 'case.nothing_to_see' };
    expect(verifyLinks(null, joined([rows[0], changed, rows[2]])).breaks).toEqual([{ position: '2', auditId: '2', reason: 'row_changed' }]);
    expect(verifyLinks(null, joined([rows[0], row(2, '{"n": 99}'), rows[2]])).breaks).toEqual([{ position: '2', auditId: '2', reason: 'payload_changed' }]);
    const gap = [0, 2].flatMap((i) => (links[i] ? [{ link: links[i], row: rows[i] }] : []));
    expect(verifyLinks(null, gap).breaks).toEqual([
      { position: '2', auditId: '3', reason: 'link_missing' },
      { position: '3', auditId: '3', reason: 'row_changed' },
    ]);
  });

  it('links a sealed row by the stored hash of its plaintext, which a payload sealed in clear before shares', () => {
    const sealed = { ...row(1, '{"reason": null}'), payloadHash: canonicalPayloadHash({ before: null, after: '{"reason": "x"}', salt: 's' }) };
    const [link] = sealRows(null, [sealed]);
    if (!link) throw new Error('sealRows gave no link');
    expect(link.payloadHash).toBe(sealed.payloadHash);
    expect(verifyLinks(null, [{ link, row: sealed }]).breaks).toEqual([]);
    // The salt-less hash of a payload sealed by the key job is the hash its clear columns had.
    expect(canonicalPayloadHash({ before: null, after: '{"reason": "x"}' })).toBe(payloadHash({ before: null, after: '{"reason": "x"}' }));
    // A purge nulls the columns and the stored hash: counted as purged, not as a break.
    const purged = { ...sealed, after: null, payloadHash: null };
    expect(verifyLinks(null, [{ link, row: purged }])).toMatchObject({ purged: 1, breaks: [] });
  });
});
