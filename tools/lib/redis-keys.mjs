// Deletes every Redis key a stack wrote under its QUEUE_PREFIX (BullMQ names its keys
// `<prefix>:<queue>:...`), so a throwaway stack leaves nothing behind on a shared Redis.
import { Redis } from 'ioredis';

/** Removes `<prefix>:*` from the Redis at `url`; returns how many keys went. */
export async function deleteKeysWithPrefix(url, prefix) {
  if (!/^[a-z][a-z0-9_]{0,30}$/.test(prefix)) throw new Error(`Refusing to delete Redis keys for prefix "${prefix}"`);
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 1 });
  client.on('error', () => undefined); // the outcome is reported by the promise
  await client.connect();
  let deleted = 0;
  try {
    // SCAN, not KEYS: never blocks the product's Redis, however many keys it holds.
    const stream = client.scanStream({ match: `${prefix}:*`, count: 500 });
    for await (const keys of stream) {
      if (keys.length) deleted += await client.unlink(...keys);
    }
  } finally {
    client.disconnect();
  }
  return deleted;
}
