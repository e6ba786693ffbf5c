import {
  cryptoNetwork,
  handleFromProfileUrl,
  identifierSearchCandidates,
  identifiersInText,
  identifiersOfRecords,
  normaliseIdentifier,
  type IdentifierKind,
} from './identifier';

const value = (kind: IdentifierKind, raw: string, defaultCountry?: string): string | null => {
  const result = normaliseIdentifier(kind, raw, { defaultCountry });
  return result.ok ? result.value : null;
};
const problem = (kind: IdentifierKind, raw: string): string | null => {
  const result = normaliseIdentifier(kind, raw);
  return result.ok ? null : result.problem;
};

describe('normaliseIdentifier', () => {
  it('every kind refuses an empty or overlong value', () => {
    for (const kind of ['handle', 'profile_url', 'user_id', 'email', 'phone', 'payment_account', 'transaction_id', 'crypto_wallet', 'gift_card'] as const) {
      expect(problem(kind, '   ')).toBe('empty');
      expect(problem(kind, 'a'.repeat(301))).toBe('too_long');
    }
  });

  it('handles: case-folded, one leading @ or more stripped, non-Latin kept', () => {
    expect(value('handle', '  @Scam.Account_1 ')).toBe('scam.account_1');
    expect(value('handle', '@@scam')).toBe('scam');
    expect(value('handle', 'Ｓｃａｍ')).toBe('scam');
    expect(value('handle', 'Мошенник')).toBe('мошенник');
    expect(problem('handle', '@')).toBe('empty');
    expect(problem('handle', 'two words')).toBe('malformed');
    expect(problem('handle', 'bad/handle')).toBe('malformed');
  });

  it('profile URLs: one canonical form (host case, www, scheme, trailing slash, fragment, tracking parameters)', () => {
    const canonical = 'https://instagram.com/scam.account';
    expect(value('profile_url', 'https://www.instagram.com/scam.account/')).toBe(canonical);
    expect(value('profile_url', 'HTTP://WWW.Instagram.COM/scam.account?igsh=abc&utm_source=ig#top')).toBe(canonical);
    expect(value('profile_url', 'instagram.com/scam.account')).toBe(canonical);
    expect(value('profile_url', 'https://example.com/u?id=7&utm_medium=x&b=2')).toBe('https://example.com/u?b=2&id=7');
    expect(value('profile_url', 'https://example.com:8443/u/')).toBe('https://example.com:8443/u');
    expect(problem('profile_url', 'javascript:alert(1)')).toBe('malformed');
    expect(problem('profile_url', 'not a url')).toBe('malformed');
    expect(problem('profile_url', 'https://localhost/x')).toBe('malformed');
    expect(problem('profile_url', 'ftp://example.com/x')).toBe('malformed');
  });

  it('platform profile URLs name their handle where the shape is obvious', () => {
    expect(handleFromProfileUrl('https://instagram.com/scam.account')).toBe('scam.account');
    expect(handleFromProfileUrl('https://tiktok.com/@Scammer')).toBe('scammer');
    expect(handleFromProfileUrl('https://snapchat.com/add/scammer')).toBe('scammer');
    expect(handleFromProfileUrl('https://instagram.com/p/Cxyz')).toBeNull();
    expect(handleFromProfileUrl('https://example.com/scammer')).toBeNull();
  });

  it('user ids: kept as written (some are case-sensitive), no spaces', () => {
    expect(value('user_id', ' UCx9AbC ')).toBe('UCx9AbC');
    expect(problem('user_id', '123 456')).toBe('malformed');
  });

  it('e-mail addresses: case-folded, shape checked', () => {
    expect(value('email', ' Scam.Mail@Example.COM ')).toBe('scam.mail@example.com');
    expect(problem('email', 'scam@example')).toBe('malformed');
    expect(problem('email', 'no-at-sign.example.com')).toBe('malformed');
    expect(problem('email', 'two@@example.com')).toBe('malformed');
  });

  it('phone numbers: E.164, national numbers read in the case country', () => {
    expect(value('phone', '+60 12-345 6789')).toBe('+60123456789');
    expect(value('phone', '012-345 6789', 'MY')).toBe('+60123456789');
    expect(value('phone', '(202) 555-0143', 'us')).toBe('+12025550143');
    expect(value('phone', '(202) 555-0143')).toBeNull();
    expect(problem('phone', '+60 12')).toBe('malformed');
    expect(problem('phone', 'call me')).toBe('malformed');
  });

  it('payment accounts: spaces, dashes and case are layout', () => {
    expect(value('payment_account', '$ScamTag')).toBe('$scamtag');
    expect(value('payment_account', 'GB33 BUKB 2020 1555 5555 55')).toBe('gb33bukb20201555555555');
    expect(problem('payment_account', 'ab')).toBe('malformed');
  });

  it('transaction ids: spaces dropped, hex hashes in one case', () => {
    expect(value('transaction_id', ' TX 12AB ')).toBe('TX12AB');
    expect(value('transaction_id', `0x${'AB'.repeat(32)}`)).toBe(`0x${'ab'.repeat(32)}`);
    expect(problem('transaction_id', 'ab')).toBe('malformed');
  });

  it('crypto wallets: Ethereum lower-cased, Bitcoin base58 kept, bech32 checksum verified', () => {
    expect(value('crypto_wallet', '0x52908400098527886E0F7030069857D2E4169EE7')).toBe('0x52908400098527886e0f7030069857d2e4169ee7');
    expect(value('crypto_wallet', '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2')).toBe('1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2');
    expect(value('crypto_wallet', 'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4')).toBe('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4');
    expect(value('crypto_wallet', 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0')).toBe(
      'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0',
    );
    // One character changed: the checksum fails.
    expect(problem('crypto_wallet', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5')).toBe('malformed');
    expect(problem('crypto_wallet', 'bc1qW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4')).toBe('malformed');
    expect(problem('crypto_wallet', '0x5290840009852788')).toBe('malformed');
    expect(problem('crypto_wallet', '0BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2')).toBe('malformed');
    expect(cryptoNetwork('0x52908400098527886e0f7030069857d2e4169ee7')).toBe('ethereum');
    expect(cryptoNetwork('nonsense')).toBeNull();
  });

  it('gift cards: a secret, upper-cased without spaces or dashes', () => {
    expect(normaliseIdentifier('gift_card', 'abcd-efgh 1234')).toEqual({ ok: true, kind: 'gift_card', value: 'ABCDEFGH1234', secret: true });
    expect(normaliseIdentifier('handle', 'x')).toMatchObject({ secret: false });
    expect(problem('gift_card', 'ab!')).toBe('malformed');
  });
});

describe('identifiersInText', () => {
  it('finds wallets, e-mail addresses, international phone numbers and cashtags in a free-text reference', () => {
    const found = identifiersInText('Paid $50 to $ScamTag, then 0x52908400098527886E0F7030069857D2E4169EE7; mail pay@Scam.example, call +60 12-345 6789.');
    expect(found).toEqual(
      expect.arrayContaining([
        { kind: 'crypto_wallet', value: '0x52908400098527886e0f7030069857d2e4169ee7', secret: false },
        { kind: 'payment_account', value: '$scamtag', secret: false },
        { kind: 'email', value: 'pay@scam.example', secret: false },
        { kind: 'phone', value: '+60123456789', secret: false },
      ]),
    );
    expect(found).toHaveLength(4);
  });

  it('takes a single word as the payment account, and a sentence with nothing recognisable as nothing', () => {
    expect(identifiersInText(' ACC-99-1234 ')).toEqual([{ kind: 'payment_account', value: 'acc991234', secret: false }]);
    expect(identifiersInText('GB33 BUKB 2020 1555 5555 55')).toEqual([{ kind: 'payment_account', value: 'gb33bukb20201555555555', secret: false }]);
    expect(identifiersInText('paid by bank transfer yesterday')).toEqual([]);
    expect(identifiersInText('paid 50 by bank transfer on the 3rd')).toEqual([]);
  });
});

describe('identifiersOfRecords', () => {
  it('names each identifier once per source, the handle of an obvious profile URL included, in the case country', () => {
    const found = identifiersOfRecords({
      country: 'MY',
      platforms: [
        { offenderHandle: '@Scammer', profileUrl: 'https://www.instagram.com/scammer/' },
        { offenderHandle: 'SCAMMER', profileUrl: null },
      ],
      evidence: [{ offenderHandle: null, profileUrl: 'not a url', paymentReference: 'sent to 012-345 6789? no: +60 12-345 6789 and $CashTag' }],
      takedowns: [{ url: 'https://tiktok.com/@other?lang=en', account: null }],
    });
    expect(found).toEqual(
      expect.arrayContaining([
        { kind: 'handle', value: 'scammer', secret: false, source: 'platform' },
        { kind: 'profile_url', value: 'https://instagram.com/scammer', secret: false, source: 'platform' },
        { kind: 'phone', value: '+60123456789', secret: false, source: 'evidence' },
        { kind: 'payment_account', value: '$cashtag', secret: false, source: 'evidence' },
        { kind: 'profile_url', value: 'https://tiktok.com/@other?lang=en', secret: false, source: 'takedown' },
        { kind: 'handle', value: 'other', secret: false, source: 'takedown' },
      ]),
    );
    expect(found).toHaveLength(6);
  });
});

describe('identifierSearchCandidates', () => {
  it('reads a search entry as each kind that accepts it', () => {
    const kinds = (q: string) => identifierSearchCandidates(q).map((c) => `${c.kind}:${c.value}`);
    expect(kinds('0x52908400098527886E0F7030069857D2E4169EE7')).toContain('crypto_wallet:0x52908400098527886e0f7030069857d2e4169ee7');
    expect(kinds('@Scammer')).toContain('handle:scammer');
    expect(kinds('two words')).not.toContain('handle:two words');
    expect(kinds('instagram.com/Scammer/')).toContain('profile_url:https://instagram.com/Scammer');
    expect(kinds('$CashTag')).toEqual(expect.arrayContaining(['payment_account:$cashtag']));
  });
});
