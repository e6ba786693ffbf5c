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

export function decodeCursor(text: string): CaseCursor {
  try {
    const [rank, due, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    const uuid = typeof id === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id);
    if (!Number.isInteger(rank) || rank < 0 || rank > 3 || !uuid || typeof due !== 'string') throw new Error('bad cursor');
    if (MICROS.test(due)) return { rank, dueMicros: due, id };
    // A cursor handed out before microseconds were carried (an ISO time): still good for a page.
    if (!Number.isNaN(Date.parse(due)) && new Date(due).toISOString() === due) return { rank, dueMicros: `${Date.parse(due)}000`, id };
    throw new Error('bad cursor');
  } catch {
    throw validationError([{ path: 'cursor', message: 'is not a cursor this API gave out' }]);
  }
}
