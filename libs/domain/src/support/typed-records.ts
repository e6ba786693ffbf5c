/**
 * Typed views of the built-in object helpers, for the literal tables this code base keys by a
 * union (`as const` or `satisfies Record<Union, ...>`). `Object.keys` and `Object.fromEntries` are
 * typed with plain `string` because an arbitrary object may carry keys its type does not name; the
 * tables passed here are literals we wrote, so their keys are exactly the union.
 */

/** The keys of a literal table, typed as its key union. */
export function keysOf<T extends object>(table: T): Array<Extract<keyof T, string>> {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- callers pass literal tables whose runtime keys are exactly their declared ones (see the file comment).
  return Object.keys(table) as Array<Extract<keyof T, string>>;
}

/** A record with one entry per key, each made by `value`. */
export function recordOf<K extends string, V>(keys: readonly K[], value: (key: K) => V): Record<K, V> {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- every key of `keys` gets an entry, so the result has exactly the keys K (fromEntries only knows `string`).
  return Object.fromEntries(keys.map((key) => [key, value(key)])) as Record<K, V>;
}

/** True when `value` is one of `values`: narrows free text (a regex group, a stored column) to a union. */
export function isOneOf<T>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}

/** True for a plain object (not null, not an array): narrows parsed JSON or a caught value to read its fields. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A caught value's message, for a log line: an Error's own message, anything else in words. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
