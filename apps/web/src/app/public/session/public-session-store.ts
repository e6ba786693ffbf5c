import { Injectable, InjectionToken, inject } from '@angular/core';

/**
 * The tab's sessionStorage, or null where the browser refuses it (some private modes throw on
 * access). Everything the public pages keep lives here, so one `clear()` wipes it all.
 */
export const SESSION_STORAGE = new InjectionToken<Storage | null>('SESSION_STORAGE', {
  providedIn: 'root',
  factory: () => {
    try {
      return globalThis.sessionStorage ?? null;
    } catch {
      return null;
    }
  },
});

const PREFIX = 'sg.';

/**
 * Answers kept for this tab only: they survive a reload, vanish when the tab closes, and are
 * wiped by quick exit. No access code is ever put here: the case open on /my-case is kept as its
 * short-lived session only (see my-case-page.ts), which quick exit also ends on the server.
 */
@Injectable({ providedIn: 'root' })
export class PublicSessionStore {
  private readonly storage = inject(SESSION_STORAGE);

  read<T>(key: string): T | null {
    try {
      const raw = this.storage?.getItem(PREFIX + key);
      // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- written by write<T>() under the same key, in this tab's own session storage.
      return raw ? (JSON.parse(raw) as T) : null;
    } catch {
      return null;
    }
  }

  write(key: string, value: unknown): void {
    try {
      this.storage?.setItem(PREFIX + key, JSON.stringify(value));
    } catch {
      // Full or refused: the form still works, it just will not survive a reload.
    }
  }

  remove(key: string): void {
    try {
      this.storage?.removeItem(PREFIX + key);
    } catch {
      // nothing to remove
    }
  }

  /** Everything this site keeps in the tab, not only our own keys: quick exit leaves nothing. */
  clearAll(): void {
    try {
      this.storage?.clear();
    } catch {
      // nothing to clear
    }
  }
}
