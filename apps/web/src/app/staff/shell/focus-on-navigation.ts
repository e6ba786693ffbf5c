import { DOCUMENT, Injector, afterNextRender, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router } from '@angular/router';
import { distinctUntilChanged, filter, map, skip } from 'rxjs';

/**
 * A new page in a single-page app says nothing to a screen reader, and keyboard focus stays on
 * the link that was left behind: after each move to another page, focus goes to the page's
 * heading (or to the main region while the page is still loading), as on the public pages.
 * Not on the first page, and not when only the query changes (a filter, the case shown beside
 * a queue), where focus belongs where the person left it. Call from a constructor.
 */
export function focusMainOnNavigation(): void {
  const document = inject(DOCUMENT);
  const injector = inject(Injector);
  inject(Router)
    .events.pipe(
      filter((event): event is NavigationEnd => event instanceof NavigationEnd),
      map((event) => event.urlAfterRedirects.split(/[?#]/)[0]),
      distinctUntilChanged(),
      skip(1),
      takeUntilDestroyed(),
    )
    .subscribe(() =>
      afterNextRender(
        () => (document.querySelector<HTMLElement>('main h1[tabindex="-1"]') ?? document.getElementById('staff-main'))?.focus({ preventScroll: true }),
        { injector },
      ),
    );
}
