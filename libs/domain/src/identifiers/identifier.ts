import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** The kinds of offender identifier a case can hold, as staff and the index name them. */
export const IDENTIFIER_KINDS = [
  'handle',
  'profile_url',
  'user_id',
  'email',
  'phone',
  'payment_account',
  'transaction_id',
  'crypto_wallet',
  'gift_card',
] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** Kinds whose value is a secret (a gift-card code can be spent): stored encrypted, matched by a keyed hash. */
export const SECRET_IDENTIFIER_KINDS: readonly IdentifierKind[] = ['gift_card'];

export const isIdentifierKind = (value: unknown): value is IdentifierKind =>
  typeof value === 'string' && (IDENTIFIER_KINDS as readonly string[]).includes(value);

/** An identifier in the one form every case holding it shares, so equal identifiers match. */
export interface NormalisedIdentifier {
  kind: IdentifierKind;
  value: string;
  secret: boolean;
}

export type IdentifierProblem = 'empty' | 'too_long' | 'malformed';
export type NormaliseResult = ({ ok: true } & NormalisedIdentifier) | { ok: false; problem: IdentifierProblem };

export interface NormaliseOptions {
  /** ISO country for phone numbers written without `+` (the case's country, when known). */
  defaultCountry?: string | null;
}

/** The longest identifier taken (a URL with its path is the longest kind). */
export const IDENTIFIER_MAX_LENGTH = 300;
const MAX_LENGTH = IDENTIFIER_MAX_LENGTH;
// Query parameters that say where a click came from, never who the account is.
const TRACKING_PARAMS =
  /^(utm_.*|fbclid|gclid|dclid|msclkid|igshid|igsh|mibextid|si|ref|ref_src|ref_url|s|t|_t|_r|is_from_webapp|sender_device|feature|share_id|share_app_id|rdid|sfnsn|hl)$/i;
const BASE58 = /^[13][1-9A-HJ-NP-Za-km-z]{25,34}$/;
const ETH = /^0x[0-9a-f]{40}$/i;
const BECH32_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

const fail = (problem: IdentifierProblem): NormaliseResult => ({ ok: false, problem });
const ok = (kind: IdentifierKind, value: string): NormaliseResult => ({ ok: true, kind, value, secret: SECRET_IDENTIFIER_KINDS.includes(kind) });

/** Verifies a bech32 or bech32m checksum (BIP-173/350), so a mistyped `bc1…` address is not matched as a wallet. */
function bech32Valid(address: string): boolean {
  const separator = address.lastIndexOf('1');
  if (separator < 1 || separator + 7 > address.length) return false;
  const hrp = address.slice(0, separator);
  const data: number[] = [];
  for (const char of address.slice(separator + 1)) {
    const index = BECH32_CHARSET.indexOf(char);
    if (index < 0) return false;
    data.push(index);
  }
  const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  const values = [...[...hrp].map((c) => c.charCodeAt(0) >> 5), 0, ...[...hrp].map((c) => c.charCodeAt(0) & 31), ...data];
  for (const value of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ value;
    GEN.forEach((generator, i) => {
      if ((top >>> i) & 1) chk ^= generator;
    });
  }
  return chk === 1 || chk === 0x2bc830a3;
}

function canonicalUrl(raw: string): string | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.$/, '');
  if (!host.includes('.') || url.username || url.password) return null;
  const params: Array<[string, string]> = [];
  // forEach, not entries(): the browser build's lib has no DOM iterables.
  url.searchParams.forEach((value, name) => {
    if (!TRACKING_PARAMS.test(name)) params.push([name, value]);
  });
  params.sort(([a], [b]) => a.localeCompare(b));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const path = url.pathname.replace(/\/+$/, '');
  // http and https name the same profile; the port is kept only when it is not the default.
  return `https://${host}${url.port ? `:${url.port}` : ''}${path}${query}`;
}

/**
 * The handle a platform profile URL names, where the URL's shape makes it obvious
 * (instagram.com/name, tiktok.com/@name, x.com/name, snapchat.com/add/name), else null.
 */
export function handleFromProfileUrl(canonical: string): string | null {
  const match = /^https:\/\/(?:m\.)?([^/]+)\/(.*)$/.exec(canonical);
  if (!match) return null;
  const [, host = '', rest = ''] = match;
  const segments = (rest.split('?')[0] ?? '').split('/').filter(Boolean);
  const RESERVED = new Set(['p', 'reel', 'reels', 'stories', 'explore', 'status', 'video', 'home', 'share', 'i', 'search', 'watch', 'profile.php', 'groups']);
  let candidate: string | undefined;
  if (['instagram.com', 'x.com', 'twitter.com', 'threads.net', 'tiktok.com'].includes(host)) candidate = segments[0];
  else if (host === 'snapchat.com' && segments[0] === 'add') candidate = segments[1];
  if (!candidate || RESERVED.has(candidate.toLowerCase())) return null;
  const handle = normaliseIdentifier('handle', candidate);
  return handle.ok ? handle.value : null;
}

/** Puts an identifier in its matching form, or says why it cannot be one. */
export function normaliseIdentifier(kind: IdentifierKind, raw: string, options: NormaliseOptions = {}): NormaliseResult {
  const trimmed = raw.normalize('NFKC').trim();
  if (!trimmed) return fail('empty');
  if (trimmed.length > MAX_LENGTH) return fail('too_long');
  switch (kind) {
    case 'handle': {
      const handle = trimmed.replace(/^@+/, '').toLowerCase();
      if (!handle) return fail('empty');
      return /^[\p{L}\p{M}\p{N}._-]+$/u.test(handle) ? ok(kind, handle) : fail('malformed');
    }
    case 'profile_url': {
      const url = canonicalUrl(trimmed);
      return url ? ok(kind, url) : fail('malformed');
    }
    case 'user_id':
      // Some platforms' ids are case-sensitive (YouTube channel ids): kept as written.
      return /^\S+$/.test(trimmed) ? ok(kind, trimmed) : fail('malformed');
    case 'email': {
      const email = trimmed.toLowerCase();
      return /^[^\s@]+@[^\s@]+\.[^\s@.]+$/.test(email) ? ok(kind, email) : fail('malformed');
    }
    case 'phone': {
      const country = options.defaultCountry?.toUpperCase();
      const phone = parsePhoneNumberFromString(trimmed, country && isSupportedCountry(country) ? { defaultCountry: country } : undefined);
      return phone?.isValid() ? ok(kind, phone.number) : fail('malformed');
    }
    case 'payment_account': {
      // Cashtags, PayPal names, account numbers and IBANs: spaces and dashes are layout, case is not meaningful.
      const account = trimmed.replace(/[\s-]+/g, '').toLowerCase();
      return account.length >= 3 ? ok(kind, account) : fail('malformed');
    }
    case 'transaction_id': {
      const id = trimmed.replace(/\s+/g, '');
      // A blockchain transaction hash is hex: one case of it only.
      return id.length >= 4 ? ok(kind, /^(0x)?[0-9a-f]{64}$/i.test(id) ? id.toLowerCase() : id) : fail('malformed');
    }
    case 'crypto_wallet': {
      if (ETH.test(trimmed)) return ok(kind, trimmed.toLowerCase());
      if (BASE58.test(trimmed)) return ok(kind, trimmed);
      const lower = trimmed.toLowerCase();
      // Bech32 is one case or the other, never mixed.
      if (/^(bc|tb)1/.test(lower) && (trimmed === lower || trimmed === trimmed.toUpperCase()) && bech32Valid(lower)) return ok(kind, lower);
      return fail('malformed');
    }
    case 'gift_card': {
      const code = trimmed.replace(/[\s-]+/g, '').toUpperCase();
      return /^[A-Z0-9]{4,64}$/.test(code) ? ok(kind, code) : fail('malformed');
    }
  }
}

/** Which kind of wallet an address is, for showing it: null when it is not one the product recognises. */
export function cryptoNetwork(address: string): 'bitcoin' | 'ethereum' | null {
  const result = normaliseIdentifier('crypto_wallet', address);
  if (!result.ok) return null;
  return result.value.startsWith('0x') ? 'ethereum' : 'bitcoin';
}

/**
 * Best-effort reading of a free-text payment reference ("paid $50 to $ScamTag, wallet 0xAb…"):
 * wallets, e-mail addresses, phone numbers in international form and cashtags found in it; a
 * single word, or digits and letters in groups, that is none of those is taken as the payment account itself.
 */
export function identifiersInText(text: string, options: NormaliseOptions = {}): NormalisedIdentifier[] {
  const found = new Map<string, NormalisedIdentifier>();
  const add = (kind: IdentifierKind, raw: string): boolean => {
    const result = normaliseIdentifier(kind, raw, options);
    if (!result.ok) return false;
    found.set(`${result.kind}\u0000${result.value}`, { kind: result.kind, value: result.value, secret: result.secret });
    return true;
  };
  const tokens = text
    .normalize('NFKC')
    .split(/[\s,;()<>"']+/)
    .map((token) => token.replace(/[.:]+$/, ''))
    .filter(Boolean);
  for (const token of tokens) {
    if (add('crypto_wallet', token)) continue;
    if (token.includes('@') && !token.startsWith('@') && add('email', token)) continue;
    if (/^\$[A-Za-z][\w-]{1,30}$/.test(token)) add('payment_account', token);
  }
  for (const match of text.matchAll(/\+\d[\d\s().-]{6,18}\d/g)) add('phone', match[0]);
  // Nothing recognisable: one word, or an account number written in capitals and digits in groups ("GB33 BUKB 2020 …"), is the account itself.
  const grouped = text.trim();
  const [only] = tokens;
  if (!found.size && tokens.length === 1 && only !== undefined && only.length >= 3) add('payment_account', only);
  else if (!found.size && /^[A-Z0-9]+(?:[ -][A-Z0-9]+)*$/.test(grouped) && /\d/.test(grouped) && grouped.length <= 60) add('payment_account', grouped);
  return [...found.values()];
}

/** Where in a case an identifier was recorded. */
export const IDENTIFIER_SOURCES = ['platform', 'evidence', 'takedown'] as const;
export type IdentifierSource = (typeof IDENTIFIER_SOURCES)[number];

export interface SourcedIdentifier extends NormalisedIdentifier {
  source: IdentifierSource;
}

/** The records of a case that name offender identifiers, as they are stored (free text included). */
export interface IdentifierRecords {
  country?: string | null;
  platforms: ReadonlyArray<{ offenderHandle: string | null; profileUrl: string | null }>;
  evidence: ReadonlyArray<{ offenderHandle: string | null; profileUrl: string | null; paymentReference: string | null }>;
  takedowns: ReadonlyArray<{ url: string | null; account: string | null }>;
}

/**
 * Every identifier a case's records name, normalised and without repeats per source: handles and
 * profile URLs (and the handle an obvious platform profile URL names), what a free-text payment
 * reference holds, and takedown URLs and accounts. What does not normalise is left out (it stays
 * in the record as written; it just cannot be matched).
 */
export function identifiersOfRecords(records: IdentifierRecords): SourcedIdentifier[] {
  const options = { defaultCountry: records.country };
  const found = new Map<string, SourcedIdentifier>();
  const put = (source: IdentifierSource, identifier: NormalisedIdentifier) => {
    found.set(`${source}\u0000${identifier.kind}\u0000${identifier.value}`, {
      kind: identifier.kind,
      value: identifier.value,
      secret: identifier.secret,
      source,
    });
  };
  const add = (source: IdentifierSource, kind: IdentifierKind, raw: string | null) => {
    if (!raw) return;
    const result = normaliseIdentifier(kind, raw, options);
    if (!result.ok) return;
    put(source, result);
    if (kind === 'profile_url') {
      const handle = handleFromProfileUrl(result.value);
      if (handle) put(source, { kind: 'handle', value: handle, secret: false });
    }
  };
  for (const platform of records.platforms) {
    add('platform', 'handle', platform.offenderHandle);
    add('platform', 'profile_url', platform.profileUrl);
  }
  for (const item of records.evidence) {
    add('evidence', 'handle', item.offenderHandle);
    add('evidence', 'profile_url', item.profileUrl);
    if (item.paymentReference) for (const identifier of identifiersInText(item.paymentReference, options)) put('evidence', identifier);
  }
  for (const takedown of records.takedowns) {
    add('takedown', 'profile_url', takedown.url);
    add('takedown', 'handle', takedown.account);
  }
  return [...found.values()];
}

/**
 * What a search box entry could be as an identifier: its normal form under every kind that
 * accepts it (a handle, a URL, a wallet, …), so a search is a few exact index lookups.
 */
export function identifierSearchCandidates(query: string): NormalisedIdentifier[] {
  const candidates = new Map<string, NormalisedIdentifier>();
  for (const kind of IDENTIFIER_KINDS) {
    // A URL-shaped entry is a URL; every word would otherwise "be" a domain-less URL candidate too.
    if (kind === 'profile_url' && !/[./]/.test(query)) continue;
    const result = normaliseIdentifier(kind, query);
    if (result.ok) candidates.set(`${kind}\u0000${result.value}`, { kind, value: result.value, secret: result.secret });
  }
  return [...candidates.values()];
}
