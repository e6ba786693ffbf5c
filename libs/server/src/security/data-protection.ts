import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { KeyRing, VersionedKey } from './key-ring';
import { present } from '@sg/domain';

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The single DATA_ENCRYPTION_KEY's derived keys are version 1 of every purpose (what was written before versions). */
export const LEGACY_KEY_VERSION = 1;

function derive(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `safeguard-triage:${purpose}`, 32));
}

/** A sealed value names a key version this server does not hold: configure that key again (it was removed too soon). */
export class UnknownKeyVersionError extends Error {
  constructor(
    readonly purpose: string,
    readonly version: number,
    setting: string,
  ) {
    super(
      `Sealed with ${purpose} key version ${version}, which this server does not hold: add it back to ${setting} (old versions must stay until keys:rotate-status shows none left)`,
    );
    this.name = 'UnknownKeyVersionError';
  }
}

/** The key version a sealed value was written with (its first byte). */
export function sealedKeyVersion(sealed: Buffer): number {
  return present(sealed[0], 'the key-version byte of a sealed value');
}

/** The separately configured, separately versioned keys; each list newest first (config: DATA_ENCRYPTION_KEYS, ...). */
export interface ConfiguredKeys {
  dataEncryption?: readonly VersionedKey[];
  accessCode?: readonly VersionedKey[];
  sessionSigning?: readonly VersionedKey[];
}

/**
 * Application-level protection for the most sensitive fields. Three purposes have their own,
 * separately versioned keys: data encryption, access-code hashing and session signing. Version 1 of
 * each is derived (HKDF) from the single DATA_ENCRYPTION_KEY, as every key was before versions, so
 * existing databases and the development default keep working; newer versions come from
 * DATA_ENCRYPTION_KEYS, ACCESS_CODE_KEYS and SESSION_SIGNING_KEYS (docs: README, "Keys and rotation").
 *
 * Sealed format: [key version 1 byte][iv 12][tag 16][ciphertext], AES-256-GCM, with the row's
 * context as additional data (a value moved to another row does not open).
 */
export class DataProtection {
  readonly dataKeys: KeyRing;
  readonly accessCodeKeys: KeyRing;
  readonly sessionSigningKeys: KeyRing;
  /** Keyed-hash indexes: equal inputs must hash equally across rows, so these stay on the single key (not rotated). */
  private readonly clientAddressKey: Buffer;
  private readonly identifierKey: Buffer;
  private readonly recoveryCodeKey: Buffer;

  constructor(masterKey: Buffer, keys: ConfiguredKeys = {}) {
    if (masterKey.length !== 32) throw new Error('The data encryption key must be 32 bytes');
    const ring = (purpose: string, derivation: string, configured: readonly VersionedKey[] = []) => {
      if (configured.some((entry) => entry.version === LEGACY_KEY_VERSION))
        throw new Error(`The ${purpose} key version 1 is derived from DATA_ENCRYPTION_KEY; configured keys start at 2`);
      return new KeyRing(purpose, [...configured, { version: LEGACY_KEY_VERSION, key: derive(masterKey, derivation) }]);
    };
    this.dataKeys = ring('data', 'field-encryption', keys.dataEncryption);
    this.accessCodeKeys = ring('access-code', 'access-code', keys.accessCode);
    this.sessionSigningKeys = ring('session-signing', 'session-signing', keys.sessionSigning);
    this.clientAddressKey = derive(masterKey, 'client-address');
    this.identifierKey = derive(masterKey, 'offender-identifier');
    this.recoveryCodeKey = derive(masterKey, 'staff-recovery-code');
  }

  /** Encrypts a JSON-serialisable value under the current data key. `context` binds the ciphertext to its row (e.g. the case id). */
  seal(value: unknown, context: string): Buffer {
    const version = this.dataKeys.current;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.dataKey(version), iv);
    cipher.setAAD(Buffer.from(context));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([version]), iv, cipher.getAuthTag(), ciphertext]);
  }

  /** Opens a value sealed under any data key version this server holds; throws UnknownKeyVersionError for one it does not. */
  open<T>(sealed: Buffer, context: string): T {
    const iv = sealed.subarray(1, 1 + IV_BYTES);
    const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.dataKey(sealedKeyVersion(sealed)), iv);
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(tag);
    const plaintext = Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
    // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- authenticated (AES-GCM, bound to its context): what opens is exactly what seal() wrote from a T for this row.
    return JSON.parse(plaintext.toString('utf8')) as T;
  }

  /** The same value, sealed again under the current key for the same row (the key rotation job). */
  reseal(sealed: Buffer, context: string): Buffer {
    return this.seal(this.open<unknown>(sealed, context), context);
  }

  private dataKey(version: number): Buffer {
    const key = this.dataKeys.key(version);
    if (!key) throw new UnknownKeyVersionError('data', version, 'DATA_ENCRYPTION_KEYS');
    return key;
  }

  /**
   * Keyed hash of an access code, under the current access-code key. The codes carry 80 random
   * bits, so a fast keyed hash is enough (a slow password hash would cost every intake ~50 ms for
   * no gain), and a stolen database alone cannot be used to test guesses without the key.
   * Stored as `version:hex`; version 1 as bare hex, as before versions.
   */
  hashAccessCode(reference: string, accessCode: string): string {
    const version = this.accessCodeKeys.current;
    const hex = this.accessCodeHmac(present(this.accessCodeKeys.key(version), `access-code key version ${version}`), reference, accessCode);
    return version === LEGACY_KEY_VERSION ? hex : `${version}:${hex}`;
  }

  /** Checks a code against its stored hash with the key of the hash's own version: rotation never locks a person out. */
  accessCodeMatches(reference: string, accessCode: string, storedHash: string): boolean {
    const { version, hex } = splitAccessCodeHash(storedHash);
    const key = this.accessCodeKeys.key(version);
    // A version this server does not hold cannot be checked; keys:rotate-status counts such rows.
    if (!key) return false;
    const expected = Buffer.from(hex, 'hex');
    const actual = Buffer.from(this.accessCodeHmac(key, reference, accessCode), 'hex');
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }

  /** True when a (matched) hash is under an older access-code key: hash the code again while it is at hand. */
  accessCodeNeedsRehash(storedHash: string): boolean {
    return splitAccessCodeHash(storedHash).version !== this.accessCodeKeys.current;
  }

  private accessCodeHmac(key: Buffer, reference: string, accessCode: string): string {
    return createHmac('sha256', key).update(`${reference}\u0000${accessCode}`).digest('hex');
  }

  /**
   * Keyed hash of a client's address, for counting per address (sign-in lockout) without storing
   * it: a plain hash of an IPv4 address is reversed by trying all 2^32 of them.
   */
  hashClientAddress(address: string): string {
    return createHmac('sha256', this.clientAddressKey).update(address).digest('hex');
  }

  /**
   * Keyed hash of a secret offender identifier (a gift-card code) in its normal form: equal codes
   * match across cases, and the database alone cannot be searched for a code or reveal one.
   */
  hashIdentifier(kind: string, normalisedValue: string): string {
    return createHmac('sha256', this.identifierKey).update(`${kind}\u0000${normalisedValue}`).digest('hex');
  }

  /**
   * Keyed hash of a staff member's second-factor recovery code (normalised: upper case, no dashes).
   * The codes carry ~49 random bits and are tried only through the sign-in lockout, so a fast
   * keyed hash suffices; the database alone cannot test guesses.
   */
  hashRecoveryCode(staffId: string, normalisedCode: string): string {
    return createHmac('sha256', this.recoveryCodeKey).update(`${staffId}\u0000${normalisedCode}`).digest('hex');
  }
}

/** `2:hex` → version 2; bare hex (written before versions) → version 1. */
export function splitAccessCodeHash(stored: string): { version: number; hex: string } {
  const colon = stored.indexOf(':');
  return colon < 0 ? { version: LEGACY_KEY_VERSION, hex: stored } : { version: Number(stored.slice(0, colon)), hex: stored.slice(colon + 1) };
}

/** The app's DataProtection: the single key (version 1 of everything) and the configured newer versions. */
export function dataProtectionFor(config: { dataEncryptionKey: Buffer; keys: ConfiguredKeys }): DataProtection {
  return new DataProtection(config.dataEncryptionKey, config.keys);
}
