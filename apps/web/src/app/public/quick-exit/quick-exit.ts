import { DOCUMENT, Injectable, InjectionToken, inject } from '@angular/core';
import { PublicSessionStore } from '../session/public-session-store';
import { CONVERSATION_SESSION_KEY, endConversationSession } from '../my-case/conversation-session';
import { I18n } from '../../system/i18n/i18n';

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
  private readonly i18n = inject(I18n);

  exit(): void {
    // The conversation's session ends on the server too: nothing left behind could reopen it.
    const conversation = this.store.read<string>(CONVERSATION_SESSION_KEY);
    if (conversation) endConversationSession(conversation);
    // All of the tab's sessionStorage, the language chosen in this tab included.
    this.store.clearAll();
    // Hide the page at once: the next site may take a moment to load on a slow phone.
    this.document.body.style.visibility = 'hidden';
    // The tab's title is read before the next page arrives: an everyday word in the page's language.
    this.document.title = this.i18n.t('person.quickExit.pageTitle');
    this.leave(QUICK_EXIT_URL);
  }
}
