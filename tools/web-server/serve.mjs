// Serves the built Angular app and forwards /api to the API, so one URL is all a person needs.
// Used by `npm start`, the browser tests and the `web` container.
import compression from 'compression';
import express from 'express';
import { lookup as dnsLookup } from 'node:dns';
import { existsSync } from 'node:fs';
import { Agent } from 'node:http';
import { join, resolve } from 'node:path';
import { createProxyMiddleware } from 'http-proxy-middleware';

/** `/ms/help/` → `ms/help/index.html` when the build rendered that page, else undefined. */
export function prerenderedPage(staticDir, path) {
  const segments = path.split('/').filter(Boolean);
  // Only plain path segments: nothing that could climb out of the build folder.
  if (!segments.every((segment) => /^[a-z0-9-]+$/i.test(segment))) return undefined;
  const file = join(...segments, 'index.html');
  return existsSync(join(staticDir, file)) ? file : undefined;
}

/**
 * A `lookup` for the API's connections that starts with one of ALL the addresses its name has, at
 * random, per connection. With `docker compose up --scale api=3`, the name `api` has one address
 * per container, but the system resolver may put them in the same order every time (glibc sorts
 * them, RFC 6724), so taking the first would send everything to one container.
 */
export function spreadingLookup(resolveAll = dnsLookup, random = Math.random) {
  return (hostname, options, callback) => {
    resolveAll(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error);
      const first = Math.min(addresses.length - 1, Math.floor(random() * addresses.length));
      // Asked for all (Node's happy eyeballs): the rest follow, so a refused address (::1 of a
      // `localhost` the API does not listen on) falls back to the next.
      if (options.all) callback(null, [...addresses.slice(first), ...addresses.slice(0, first)]);
      else callback(null, addresses[first].address, addresses[first].family);
    });
  };
}

export function createWebServer({ staticDir, apiUrl }) {
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`No built web app in ${staticDir}: run "npx nx build web" first`);
  }
  const app = express();
  app.disable('x-powered-by');
  // Mounted first and uncompressed: live updates (server-sent events) must not be buffered.
  app.use(
    createProxyMiddleware({
      target: apiUrl,
      changeOrigin: false,
      xfwd: true,
      pathFilter: '/api',
      proxyTimeout: 0,
      // A connection per request, as without an agent, each to any one of the API's addresses.
      agent: new Agent({ lookup: spreadingLookup() }),
      on: {
        error: (_error, _req, res) => {
          if ('writeHead' in res && !res.headersSent) {
            res.writeHead(502, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ statusCode: 502, message: 'The API is not reachable right now. Please try again in a moment.' }));
          }
        },
      },
    }),
  );
  app.use(compression());
  // Hashed bundles never change; index.html must always be fresh so a deploy is picked up.
  app.use(
    express.static(staticDir, {
      index: false,
      // `/ms` is a folder of prerendered pages: answered below, not redirected to `/ms/`.
      redirect: false,
      setHeaders: (res, path) => {
        const hashed = /-[A-Z0-9]{8,}\.(js|css|woff2?)$/i.test(path);
        res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  // The person's front doors were rendered to HTML at build time (apps/web/src/app/app.routes.server.ts:
  // `/`, `/help`, `/my-case` in each language), so words show before the scripts run; every other
  // client-side route (/help/sent, /staff/cases/123) loads the empty app shell, `index.csr.html`
  // (a build without prerendering has only `index.html`, which is then that shell).
  const shell = existsSync(join(staticDir, 'index.csr.html')) ? 'index.csr.html' : 'index.html';
  app.get('/{*path}', (req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    const prerendered = prerenderedPage(staticDir, req.path);
    res.sendFile(join(staticDir, prerendered ?? shell));
  });
  return app;
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const port = Number(process.env.WEB_PORT ?? 4200);
  const apiUrl = process.env.API_URL ?? `http://127.0.0.1:${process.env.API_PORT ?? 3000}`;
  const staticDir = resolve(process.env.WEB_DIST_DIR ?? 'dist/apps/web/browser');
  const server = createWebServer({ staticDir, apiUrl }).listen(port, () => {
    console.log(`web: serving ${staticDir} on http://localhost:${port}, /api -> ${apiUrl}`);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
}
