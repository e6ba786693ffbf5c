import { Directive, afterNextRender, signal } from '@angular/core';

/**
 * Makes a prerendered form inert until the app has taken the page over. `/help` and `/my-case`
 * arrive as HTML built ahead of time (app.routes.server.ts), so a slow phone shows them before
 * their scripts have run; a radio ticked or a code typed in that moment would be reset when the
 * app takes over. Inert, the page can be read but not yet used, which is all a page rendered in
 * the browser could offer then anyway. In the browser the attribute goes after the first render.
 */
@Directive({
  selector: '[sgInertUntilReady]',
  host: { '[attr.inert]': 'ready() ? null : ""' },
})
export class InertUntilReady {
  protected readonly ready = signal(false);

  constructor() {
    afterNextRender(() => this.ready.set(true));
  }
}
