/**
 * For the places where a value is known to be there (the row an `INSERT ... RETURNING` gives back,
 * the first element of a list just checked to be non-empty) but the type cannot say so
 * (`noUncheckedIndexedAccess`): if the reasoning is ever wrong, fail loudly with what was missing
 * instead of carrying `undefined` on.
 */
export function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Expected ${what}, found none`);
  return value;
}

/** `items[index]`, or a clear error naming what was expected there. */
export function itemAt<T>(items: ArrayLike<T>, index: number, what: string): T {
  return present(items[index], `${what} at index ${index} (of ${items.length})`);
}

/** `record[key]`, or a clear error naming the key that was expected there. */
export function entryOf<V>(record: Readonly<Record<string, V>>, key: string): V {
  return present(record[key], `an entry for "${key}"`);
}

/** A lookup known to find its row (`null` or `undefined` when not found), or a clear error naming it. */
export function found<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`Expected ${what}, found none`);
  return value;
}
