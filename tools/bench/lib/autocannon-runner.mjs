// Runs autocannon in its own process (so the load generator does not share the API's event loop)
// and prints its result as JSON. Input: a JSON config as argv[2].
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';

const config = JSON.parse(process.argv[2]);

// `distinctClients: n`: each request comes from the next of n addresses (X-Forwarded-For, which the
// API believes from loopback), as many phones or offices would, so the per-client rate limits stay
// as configured instead of being lifted for one client sending everything.
let next = 0;
const clientAddress = () => {
  const n = next++ % config.distinctClients;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};
const perRequestHeaders = () => ({
  ...(config.uniqueIdempotencyKey ? { 'idempotency-key': `bench-${randomUUID()}` } : {}),
  ...(config.distinctClients ? { 'x-forwarded-for': clientAddress() } : {}),
});
const result = await autocannon({
  url: config.url,
  connections: config.connections,
  duration: config.durationSeconds,
  // Paced load: the clients together offer this many requests per second (omit: as fast as they can).
  ...(config.overallRate ? { overallRate: config.overallRate } : {}),
  requests: [
    {
      method: config.method ?? 'GET',
      headers: config.headers ?? {},
      body: config.body,
      // Each submission is a new intake (`uniqueIdempotencyKey`: a fresh Idempotency-Key per request).
      ...(config.uniqueIdempotencyKey || config.distinctClients
        ? { setupRequest: (request) => ({ ...request, headers: { ...request.headers, ...perRequestHeaders() } }) }
        : {}),
    },
  ],
});
process.stdout.write(
  JSON.stringify({
    requests: result.requests.total,
    durationSeconds: result.duration,
    perSecond: result.requests.average,
    latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    statusCodes: result.statusCodeStats,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  }),
);
