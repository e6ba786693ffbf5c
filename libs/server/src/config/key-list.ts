import { present } from '@sg/domain';

// Read from the configuration (DATA_ENCRYPTION_KEYS and the like) before anything is sealed, so it is
// the config folder's: security/key-ring.ts builds its rings from what this parses.
/** One configured key: its version (2..255; version 1 is derived from DATA_ENCRYPTION_KEY) and its 32 bytes. */
export interface VersionedKey {
  readonly version: number;
  readonly key: Buffer;
}

/** The highest version a sealed value can name: it is written in one byte. */
export const MAX_KEY_VERSION = 255;

/**
 * Parses `3:base64key,2:base64key` (newest first). Answers the keys, or a problem in words for the
 * configuration error; version 1 is refused (it is the single DATA_ENCRYPTION_KEY, derived as before).
 */
export function parseKeyList(text: string): { keys: VersionedKey[] } | { problem: string } {
  const keys: VersionedKey[] = [];
  for (const part of text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)) {
    const match = /^(\d{1,3}):([A-Za-z0-9+/=_-]+)$/.exec(part);
    if (!match) return { problem: 'must be a comma-separated list of version:base64key, newest first (e.g. 3:…,2:…)' };
    const version = Number(match[1]);
    if (version === 1) return { problem: 'version 1 is DATA_ENCRYPTION_KEY (derived as before); number new keys from 2' };
    if (version < 2 || version > MAX_KEY_VERSION) return { problem: `versions run from 2 to ${MAX_KEY_VERSION}` };
    const key = Buffer.from(present(match[2], 'the key text'), 'base64');
    if (key.length !== 32) return { problem: `version ${version} must be 32 random bytes, base64-encoded (openssl rand -base64 32)` };
    if (keys.some((entry) => entry.version === version)) return { problem: `version ${version} is listed more than once` };
    const previous = keys[keys.length - 1];
    if (previous && previous.version < version) return { problem: 'must list the keys newest first (the highest version first: it is the one that writes)' };
    keys.push({ version, key });
  }
  if (keys.length === 0) return { problem: 'must name at least one version:base64key' };
  return { keys };
}
