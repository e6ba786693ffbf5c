import { validationError } from '../http/zod-validation.pipe';

/** Position in the queue order (priority, due time, id): a keyset cursor, stable under inserts. */
export interface CaseCursor {
  rank: number;
  due: string;
  id: string;
}

export function encodeCursor(cursor: CaseCursor): string {
  return Buffer.from(JSON.stringify([cursor.rank, cursor.due, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string): CaseCursor {
  try {
    const [rank, due, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    const exactTime = typeof due === 'string' && !Number.isNaN(Date.parse(due)) && new Date(due).toISOString() === due;
    const uuid = typeof id === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id);
    if (!Number.isInteger(rank) || rank < 0 || rank > 3 || !exactTime || !uuid) throw new Error('bad cursor');
    return { rank, due, id };
  } catch {
    throw validationError([{ path: 'cursor', message: 'is not a cursor this API gave out' }]);
  }
}
