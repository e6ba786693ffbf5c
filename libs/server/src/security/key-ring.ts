import { VersionedKey } from '../config/key-list';
import { itemAt } from '@sg/domain';

// Parsed with the rest of the configuration (config/key-list.ts); exported here too, where the rings are.
export { MAX_KEY_VERSION, parseKeyList } from '../config/key-list';
export type { VersionedKey } from '../config/key-list';

/**
 * The keys of one purpose (data encryption, access codes, session signing), by version. `current`
 * writes; every version held still reads, so rotating never strands a value written before it.
 */
export class KeyRing {
  private readonly byVersion: ReadonlyMap<number, Buffer>;

  /** `keys`: newest first; the first is the current one. */
  constructor(
    readonly purpose: string,
    keys: readonly VersionedKey[],
  ) {
    if (keys.length === 0) throw new Error(`No ${purpose} key`);
    this.byVersion = new Map(keys.map((entry) => [entry.version, entry.key]));
    this.current = itemAt(keys, 0, `${purpose} key`).version;
  }

  readonly current: number;

  key(version: number): Buffer | undefined {
    return this.byVersion.get(version);
  }

  get versions(): number[] {
    return [...this.byVersion.keys()].sort((a, b) => b - a);
  }
}
