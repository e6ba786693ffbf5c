import { DOCUMENT, DestroyRef, Injectable, effect, inject, signal } from '@angular/core';

export type ColorScheme = 'light' | 'dark';

const SOUND_KEY = 'sg-staff-sound';
const SCHEME_KEY = 'sg-staff-color-scheme';

/**
 * A person's own settings for this browser: sound for emergencies and light or dark. They are
 * preferences, not secrets, so localStorage is the right place; nothing else is stored there.
 */
@Injectable()
export class Preferences {
  private readonly document = inject(DOCUMENT);
  private readonly storage = safeStorage();
  private readonly soundOn = signal(this.storage?.getItem(SOUND_KEY) !== 'off');
  private readonly scheme = signal<ColorScheme | null>(readScheme(this.storage?.getItem(SCHEME_KEY)));

  readonly sound = this.soundOn.asReadonly();
  /** The chosen scheme, or null to follow the operating system. */
  readonly colorScheme = this.scheme.asReadonly();

  constructor() {
    const root = this.document.documentElement;
    effect(() => {
      const scheme = this.scheme();
      root.classList.toggle('sg-scheme-light', scheme === 'light');
      root.classList.toggle('sg-scheme-dark', scheme === 'dark');
    });
    // Leaving the dashboard (to the public pages) leaves no trace of its look behind.
    inject(DestroyRef).onDestroy(() => root.classList.remove('sg-scheme-light', 'sg-scheme-dark'));
  }

  setSound(on: boolean): void {
    this.soundOn.set(on);
    this.storage?.setItem(SOUND_KEY, on ? 'on' : 'off');
  }

  /** The scheme on screen now, whether chosen or from the system. */
  effectiveScheme(): ColorScheme {
    return this.scheme() ?? (this.document.defaultView?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  }

  toggleScheme(): void {
    const next: ColorScheme = this.effectiveScheme() === 'dark' ? 'light' : 'dark';
    this.scheme.set(next);
    this.storage?.setItem(SCHEME_KEY, next);
  }
}

function readScheme(value: string | null | undefined): ColorScheme | null {
  return value === 'light' || value === 'dark' ? value : null;
}

function safeStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
