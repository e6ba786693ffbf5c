import { DOCUMENT, Injectable, InjectionToken, inject } from '@angular/core';
import { PublicSessionStore } from '../session/public-session-store';

/** A neutral, everyday page to land on. */
export const QUICK_EXIT_URL = 'https://www.bbc.co.uk/weather';

/** Leaves the site, replacing this page in the tab's history so Back does not return here. */
export const LEAVE_SITE = new InjectionToken<(url: string) => void>('LEAVE_SITE', {
  providedIn: 'root',
  factory: () => {
    const location = inject(DOCUMENT).defaultView?.location;
    return (url: string) => location?.replace(url);
  },
});

@Injectable({ providedIn: 'root' })
export class QuickExit {
  private readonly store = inject(PublicSessionStore);
  private readonly document = inject(DOCUMENT);
  private readonly leave = inject(LEAVE_SITE);

  exit(): void {
    this.store.clearAll();
    // Hide the page at once: the next site may take a moment to load on a slow phone.
    this.document.body.style.visibility = 'hidden';
    this.document.title = 'Weather';
    this.leave(QUICK_EXIT_URL);
  }
}
