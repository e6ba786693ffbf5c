import { isRecord } from '@sg/domain';

/**
 * PostgreSQL's answers that mean "this transaction lost a race; nothing of it was kept, run it
 * again": a deadlock it broke by aborting this side (40P01), or a serialization failure (40001).
 */
const TRANSIENT_CONFLICTS = new Set(['40P01', '40001']);

export function isTransientConflict(error: unknown): boolean {
  const code = isRecord(error) ? error['code'] : undefined;
  return typeof code === 'string' && TRANSIENT_CONFLICTS.has(code);
}

/**
 * Runs `transaction` again after a transient conflict (or an error `alsoRetry` accepts, such as a
 * clash on a random key), up to `attempts` times in all; any other error is thrown at once.
 */
export async function retryTransient<T>(transaction: () => Promise<T>, attempts = 3, alsoRetry: (error: unknown) => boolean = () => false): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await transaction();
    } catch (error) {
      if (!(isTransientConflict(error) || alsoRetry(error)) || attempt >= attempts) throw error;
    }
  }
}
