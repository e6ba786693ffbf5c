import { RenderMode, ServerRoute } from '@angular/ssr';

/**
 * The person's front door is rendered to HTML when the app is built, one file per language, so a
 * phone on a slow network shows the words as soon as the HTML arrives instead of after the app's
 * scripts have downloaded and run; the app then takes the page over in place (hydration), and a
 * tap made before that is replayed. Only the front door: it has links and buttons, nothing typed.
 * A prerendered form (`/help`, `/my-case`) would show inputs before the app can hear them, and
 * hydration would then reset what a person had already ticked or typed.
 * Everything else is rendered in the browser from `index.csr.html`; tools/web-server/serve.mjs
 * serves the prerendered files and falls back to that shell.
 */
export const serverRoutes: ServerRoute[] = [
  ...['', 'ms', 'es'].map((path): ServerRoute => ({ path, renderMode: RenderMode.Prerender })),
  { path: '**', renderMode: RenderMode.Client },
];
