import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

function derive(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `safeguard-triage:${purpose}`, 32));
}

/**
 * Application-level protection for the most sensitive fields. One master key (configuration)
 * yields separate keys per purpose, so a key used to sign sessions never encrypts data.
 *
 * Sealed format: [version 1 byte][iv 12][tag 16][ciphertext], AES-256-GCM.
 */
export class DataProtection {
  private readonly encryptionKey: Buffer;
  private readonly accessCodeKey: Buffer;
  private readonly clientAddressKey: Buffer;
  private readonly identifierKey: Buffer;
  private readonly recoveryCodeKey: Buffer;
  readonly sessionSigningKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('The data encryption key must be 32 bytes');
    this.encryptionKey = derive(masterKey, 'field-encryption');
    this.accessCodeKey = derive(masterKey, 'access-code');
    this.sessionSigningKey = derive(masterKey, 'session-signing');
    this.clientAddressKey = derive(masterKey, 'client-address');
    this.identifierKey = derive(masterKey, 'offender-identifier');
    this.recoveryCodeKey = derive(masterKey, 'staff-recovery-code');
  }

  /** Encrypts a JSON-serialisable value. `context` binds the ciphertext to its row (e.g. the case id). */
  seal(value: unknown, context: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    cipher.setAAD(Buffer.from(context));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ciphertext]);
  }

  open<T>(sealed: Buffer, context: string): T {
    if (sealed[0] !== VERSION) throw new Error(`Unknown sealed-data version ${sealed[0]}`);
    const iv = sealed.subarray(1, 1 + IV_BYTES);
    const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, iv);
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(tag);
    const plaintext = Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
    return JSON.parse(plaintext.toString('utf8')) as T;
  }

  /**
   * Keyed hash of an access code. The codes carry 80 random bits, so a fast keyed hash is enough
   * (a slow password hash would cost every intake ~50 ms for no gain), and a stolen database alone
   * cannot be used to test guesses without the key.
   */
  hashAccessCode(reference: string, accessCode: string): string {
    return createHmac('sha256', this.accessCodeKey).update(`${reference}\u0000${accessCode}`).digest('hex');
  }

  accessCodeMatches(reference: string, accessCode: string, storedHash: string): boolean {
    const expected = Buffer.from(storedHash, 'hex');
    const actual = Buffer.from(this.hashAccessCode(reference, accessCode), 'hex');
    return expected.length === actual.length && timingSafeEqual(expected, actual);
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
