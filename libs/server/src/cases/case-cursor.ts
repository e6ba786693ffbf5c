import { FIELD_ERROR_CODES, isWithinDateLimits } from '@sg/contracts';
import { validationError } from '../http/zod-validation.pipe';

/**
 * Position in the queue order (priority, due time, id): a keyset cursor, stable under inserts.
 * The due time is carried as microseconds since the epoch, PostgreSQL's own precision: a
 * JavaScript Date keeps only milliseconds, and rows due within the same millisecond would then
 * be shown again on the next page (or skipped).
 */
export interface CaseCursor {
  rank: number;
  /** Microseconds since 1970-01-01T00:00:00Z, as a decimal string (beyond Number's exact range). */
  dueMicros: string;
  id: string;
}

export function encodeCursor(cursor: CaseCursor): string {
  return Buffer.from(JSON.stringify([cursor.rank, cursor.dueMicros, cursor.id])).toString('base64url');
}

const MICROS = /^-?\d{1,18}$/;

class OutOfRange extends Error {}

/** Anything else was refused by array destructuring (a TypeError): a bad cursor either way. */
function destructureRefused(parsed: unknown): never {
  throw new Error(`bad cursor: ${typeof parsed}`);
}

export function decodeCursor(text: string): CaseCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    // Destructured as before: an array's first three items (or a string's first three characters).
    const items: unknown[] = Array.isArray(parsed) ? parsed : typeof parsed === 'string' ? [...parsed] : destructureRefused(parsed);
    const [rank, due, id] = items;
    const uuid = typeof id === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id);
    if (typeof rank !== 'number' || !Number.isInteger(rank) || rank < 0 || rank > 3 || !uuid || typeof due !== 'string') throw new Error('bad cursor');
    let dueMicros: string | undefined;
    if (MICROS.test(due)) dueMicros = due;
    // A cursor handed out before microseconds were carried (an ISO time): still good for a page.
    else if (!Number.isNaN(Date.parse(due)) && new Date(due).toISOString() === due) dueMicros = `${Date.parse(due)}000`;
    if (dueMicros === undefined) throw new Error('bad cursor');
    // The due time goes to PostgreSQL as a timestamp: one beyond the dates a request may carry
    // was never given out, and one beyond PostgreSQL's range would fail there as a 500.
    if (!isWithinDateLimits(Number(BigInt(dueMicros) / 1000n))) throw new OutOfRange();
    return { rank, dueMicros, id };
  } catch (error) {
    if (error instanceof OutOfRange)
      throw validationError([{ path: 'cursor', message: 'carries a time outside the dates this API handles', code: FIELD_ERROR_CODES.dateOutOfRange }]);
    throw validationError([{ path: 'cursor', message: 'is not a cursor this API gave out' }]);
  }
}
