import { ChangeDetectionStrategy, Component, DOCUMENT, Injector, ViewEncapsulation, afterNextRender, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { filter, skip } from 'rxjs';
import { DoubleEscape } from '../quick-exit/double-escape';
import { QuickExit } from '../quick-exit/quick-exit';
import { QuickExitLink } from '../quick-exit/quick-exit-link';

/**
 * The frame of every public page: a small header with quick exit always in reach, and the
 * public look (unencapsulated, but every rule sits under `.sg-public`, so it stays out of the
 * staff pages). Escape twice leaves the site from anywhere on these pages.
 */
@Component({
  selector: 'sg-public-layout',
  imports: [RouterOutlet, RouterLink, QuickExitLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  styleUrl: './public-layout.scss',
  host: { class: 'sg-public', '(document:keydown.escape)': 'onEscape()' },
  template: `
    <header class="top">
      <a class="brand" routerLink="/" [replaceUrl]="true">Safeguard<span class="visually-hidden">, home</span></a>
      <sg-quick-exit-link />
    </header>
    <main class="page">
      <router-outlet />
    </main>
    <footer class="foot">
      <nav aria-label="Other pages">
        <a routerLink="/help" [replaceUrl]="true">Ask for help</a>
        <a routerLink="/my-case" [replaceUrl]="true">Come back to your case</a>
      </nav>
      <span>Free, private and confidential.</span>
    </footer>
  `,
})
export class PublicLayout {
  private readonly quickExit = inject(QuickExit);
  private readonly escape = new DoubleEscape();

  constructor() {
    const injector = inject(Injector);
    const document = inject(DOCUMENT);
    // A new page in a single-page app says nothing to a screen reader: move focus to its heading
    // (not on the first load, where the browser starts at the top anyway).
    inject(Router)
      .events.pipe(
        filter((event) => event instanceof NavigationEnd),
        skip(1),
        takeUntilDestroyed(),
      )
      .subscribe(() =>
        afterNextRender(() => document.querySelector<HTMLElement>('main h1[tabindex="-1"]')?.focus({ preventScroll: true }), { injector }),
      );
  }

  protected onEscape(): void {
    if (this.escape.press(Date.now())) this.quickExit.exit();
  }
}
