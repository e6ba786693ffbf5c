/**
 * How long a staff request waits for the queue backend after its transaction committed. Adding
 * jobs takes milliseconds; a backend that is down would otherwise hold the answer until it is
 * back (the Redis client queues commands while it reconnects, without limit). What is saved is
 * saved: the jobs are added when the backend answers, or by the worker's sweep.
 */
export const QUEUE_WAIT_MS = 2_000;

/** True when `work` settled within `ms`; false otherwise (it carries on in the background). `work` must not reject. */
export async function settledWithin(work: Promise<void>, ms = QUEUE_WAIT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true as const), late]);
  } finally {
    clearTimeout(timer);
  }
}
