import { RenderMode, ServerRoute } from '@angular/ssr';

/**
 * The person's first pages are rendered to HTML when the app is built, one file per language, so
 * a phone on a slow network shows the words as soon as the HTML arrives instead of after the
 * app's scripts have downloaded and run; the app then takes the page over in place (hydration).
 * A tap on the front door made before that is replayed. The forms (`/help`, `/my-case`) stay
 * inert until then (InertUntilReady): hydration would reset a radio ticked or a code typed early.
 * Everything else is rendered in the browser from `index.csr.html`; tools/web-server/serve.mjs
 * serves the prerendered files and falls back to that shell.
 */
const PRERENDERED_PUBLIC_PATHS = ['', 'help', 'my-case'];

export const serverRoutes: ServerRoute[] = [
  ...['', 'ms', 'es'].flatMap((prefix) =>
    PRERENDERED_PUBLIC_PATHS.map((path): ServerRoute => ({ path: [prefix, path].filter(Boolean).join('/'), renderMode: RenderMode.Prerender })),
  ),
  { path: '**', renderMode: RenderMode.Client },
];
