import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import type { Translatable, TranslatableParams } from '@sg/domain';
// The language module alone, not the domain's barrel: this file is on the first screen's path.
import { DEFAULT_LANGUAGE, Language } from '@sg/domain/language';
import { Catalogue, flattenCatalogue, IcuCompiler, loadIcuCompiler, Translator } from '@sg/i18n';

/** Which part of the catalogues a page needs: the person's pages or the dashboard. */
export type CatalogueLoader = () => Promise<Catalogue>;

/**
 * The ICU runtime (plurals, selects), once loaded. Most words are plain and need none of it, and
 * the front door uses none, so it is its own chunk: pages that need it load it beside their own
 * code (`loadIcuRuntime` in their route), and a message that asks for it first loads it then.
 */
const icuRuntime = signal<IcuCompiler | undefined>(undefined);
let icuLoading: Promise<void> | undefined;

export function loadIcuRuntime(): Promise<void> {
  icuLoading ??= loadIcuCompiler().then(
    (compiler) => icuRuntime.set(compiler),
    (error: unknown) => {
      // A failed download is tried again by the next page that needs it.
      icuLoading = undefined;
      throw error;
    },
  );
  return icuLoading;
}

/** For tests: the runtime at once, without a chunk to load. */
export function useIcuRuntime(compiler: IcuCompiler): void {
  icuRuntime.set(compiler);
}

/**
 * The language the app speaks now, and what it says in it. Pages read `t()` (or the `t` pipe);
 * the language changes when the URL's prefix or a staff member's choice does, and every
 * translated text follows, because it is read through a signal.
 */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  private readonly loaded = new Map<string, Map<string, string>>();
  private readonly state = signal<{ language: Language; catalogue: ReadonlyMap<string, string> }>({
    language: DEFAULT_LANGUAGE,
    catalogue: new Map(),
  });

  readonly language = computed(() => this.state().language);
  readonly translator = computed(() => {
    const { language, catalogue } = this.state();
    const icu = icuRuntime();
    // No time zone: dates and times are then said in the device's own, which is the person's.
    return new Translator(language, catalogue, { icu, onIcuNeeded: icu ? undefined : () => void loadIcuRuntime().catch(() => undefined) });
  });

  /**
   * Speak `language` using the catalogue part `load` brings (each part is fetched once per
   * language and kept; parts already loaded for the language stay, so the dashboard can add its
   * own to the person's).
   */
  async use(language: Language, part: string, load: CatalogueLoader): Promise<void> {
    const id = `${language}:${part}`;
    if (!this.loaded.has(id)) this.loaded.set(id, flattenCatalogue(await load()));
    this.speak(language);
  }

  /** The same with a catalogue already in hand (tests, and the server-rendered shell if ever). */
  useLoaded(language: Language, part: string, catalogue: Catalogue): void {
    this.loaded.set(`${language}:${part}`, flattenCatalogue(catalogue));
    this.speak(language);
  }

  private speak(language: Language): void {
    const merged = new Map<string, string>();
    for (const [loadedId, entries] of this.loaded) if (loadedId.startsWith(`${language}:`)) for (const [key, value] of entries) merged.set(key, value);
    // Asking Intl for the device's time zone here cost ~80 ms of a slow phone's first screen.
    this.state.set({ language, catalogue: merged });
    this.document.documentElement.lang = language;
  }

  t(key: string, params?: TranslatableParams): string {
    return this.translator().t(key, params);
  }

  text(text: Translatable): string {
    return this.translator().text(text);
  }
}
