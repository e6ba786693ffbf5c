import { JwtModuleOptions, JwtSecretRequestType } from '@nestjs/jwt';
import { createSecretKey, KeyObject } from 'node:crypto';
import { DataProtection, LEGACY_KEY_VERSION, UnknownKeyVersionError } from '../security/data-protection';
import { present } from '@sg/domain';

/** The `kid` a token's header carries: its session-signing key version; a token without one was signed with version 1. */
export function tokenKeyVersion(token: string): number {
  const [header] = token.split('.');
  try {
    const parsed: unknown = JSON.parse(Buffer.from(header ?? '', 'base64url').toString('utf8'));
    // A header of `null` names no key and is no header: refused, as reading its kid always did.
    if (parsed === null) return Number.NaN;
    const kid = typeof parsed === 'object' && 'kid' in parsed ? parsed.kid : undefined;
    if (kid === undefined) return LEGACY_KEY_VERSION;
    return typeof kid === 'string' && /^\d{1,3}$/.test(kid) ? Number(kid) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/**
 * Staff access tokens (and the queue board's cookie): signed with the current session-signing key,
 * its version in the header's `kid`; verified with the key the token names, so tokens signed before
 * a rotation stay valid until they expire (15 minutes), and one naming a key this server does not
 * hold fails.
 */
export function sessionJwtOptions(protection: DataProtection, accessTokenTtlSeconds: number): JwtModuleOptions {
  const ring = protection.sessionSigningKeys;
  // KeyObjects, not raw bytes: given bytes, jsonwebtoken first tries (and fails) to read them as a
  // public key on every verify, which cost a third of a busy API's CPU.
  const keys = new Map<number, KeyObject>(
    ring.versions.map((version) => [version, createSecretKey(present(ring.key(version), `session-signing key version ${version}`))]),
  );
  return {
    secretOrKeyProvider: (type: JwtSecretRequestType, tokenOrPayload: string | object | Buffer) => {
      if (type === JwtSecretRequestType.SIGN) return present(keys.get(ring.current), 'the current session-signing key');
      const version = typeof tokenOrPayload === 'string' ? tokenKeyVersion(tokenOrPayload) : Number.NaN;
      const key = keys.get(version);
      // A rejected promise: verifyAsync turns it into a failed verification (the caller's 401).
      return key ?? Promise.reject(new UnknownKeyVersionError('session-signing', version, 'SESSION_SIGNING_KEYS'));
    },
    signOptions: { expiresIn: accessTokenTtlSeconds, algorithm: 'HS256', keyid: String(ring.current) },
    verifyOptions: { algorithms: ['HS256'] },
  };
}
