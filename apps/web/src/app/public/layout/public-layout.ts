import { ChangeDetectionStrategy, Component, DOCUMENT, Injector, ViewEncapsulation, afterNextRender, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { filter, skip } from 'rxjs';
import { DoubleEscape } from '../quick-exit/double-escape';
import { QuickExit } from '../quick-exit/quick-exit';
import { QuickExitLink } from '../quick-exit/quick-exit-link';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { LanguageSwitch } from '../language/language-switch';
import { LocalPathPipe } from '../language/local-path.pipe';

/**
 * The frame of every public page: a small header with quick exit always in reach, and the
 * public look (unencapsulated, but every rule sits under `.sg-public`, so it stays out of the
 * staff pages). Escape twice leaves the site from anywhere on these pages.
 */
@Component({
  selector: 'sg-public-layout',
  imports: [RouterOutlet, RouterLink, QuickExitLink, LanguageSwitch, TranslatePipe, LocalPathPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  styleUrl: './public-layout.scss',
  host: { class: 'sg-public', '(document:keydown.escape)': 'onEscape()' },
  template: `
    <header class="top">
      <a class="brand" [routerLink]="'/' | localPath" [replaceUrl]="true"
        >{{ 'person.layout.brand' | t }}<span class="visually-hidden">{{ 'person.layout.home' | t }}</span></a
      >
      <sg-quick-exit-link />
    </header>
    <sg-language-switch class="languages" />
    <main class="page">
      <router-outlet />
    </main>
    <footer class="foot">
      <nav [attr.aria-label]="'person.layout.otherPages' | t">
        <a [routerLink]="'/help' | localPath" [replaceUrl]="true">{{ 'person.layout.askForHelp' | t }}</a>
        <a [routerLink]="'/my-case' | localPath" [replaceUrl]="true">{{ 'person.layout.comeBack' | t }}</a>
      </nav>
      <span>{{ 'person.layout.free' | t }}</span>
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
      .subscribe(() => afterNextRender(() => document.querySelector<HTMLElement>('main h1[tabindex="-1"]')?.focus({ preventScroll: true }), { injector }));
  }

  protected onEscape(): void {
    if (this.escape.press(Date.now())) this.quickExit.exit();
  }
}
