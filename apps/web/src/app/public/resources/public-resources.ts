import { HttpClient, HttpParams } from '@angular/common/http';
import { isPlatformServer } from '@angular/common';
import { Injectable, PLATFORM_ID, inject } from '@angular/core';
import type { PersonResource, ResourceDirectoryEntry } from '@sg/contracts';
import { selectCrisisResources } from '@sg/domain';
import { Observable, catchError, map, of, shareReplay, startWith } from 'rxjs';
import { PUBLIC_API } from '../contracts/public-contract';

/** Where the crisis contacts are: still coming, here, or not reachable right now. */
export type CrisisContactsState =
  { readonly kind: 'loading' } | { readonly kind: 'ready'; readonly contacts: readonly PersonResource[] } | { readonly kind: 'failed' };

/**
 * Each chosen contact with its entry's words in every person language, so the panel follows the
 * tab's language (`resourceTextIn`, or the `resourceText` pipe) without asking again.
 */
function withTexts(chosen: ReturnType<typeof selectCrisisResources>, entries: readonly ResourceDirectoryEntry[]): PersonResource[] {
  const byKey = new Map(entries.map((entry) => [entry.key, entry]));
  return chosen.map((resource) => {
    const entry = byKey.get(resource.key);
    // An answer from before the directory had texts has none: English throughout.
    return { ...resource, description: entry?.description ?? null, whenToUse: entry?.whenToUse ?? null, translations: entry?.translations ?? {} };
  });
}

/**
 * Crisis contacts from the organisation's directory, and only from there: admins keep it right
 * for their country, so nothing about a country is built into the page. With no country yet,
 * the directory's worldwide entries. The page shows a neutral line (call your local emergency
 * number) while this loads or if it fails, so nobody in danger ever sees an empty box.
 */
@Injectable({ providedIn: 'root' })
export class PublicResources {
  private readonly http = inject(HttpClient);
  private readonly cache = new Map<string, Observable<CrisisContactsState>>();
  /** True while the build prerenders the page: there is no API then, only the neutral line. */
  private readonly prerendering = isPlatformServer(inject(PLATFORM_ID));

  crisisContacts(country: string | null): Observable<CrisisContactsState> {
    if (this.prerendering) return of<CrisisContactsState>({ kind: 'loading' });
    const key = country ?? '';
    let contacts = this.cache.get(key);
    if (!contacts) {
      const params = country ? new HttpParams().set('country', country) : new HttpParams();
      contacts = this.http.get<ResourceDirectoryEntry[]>(PUBLIC_API.resources, { params }).pipe(
        // Without a country, selectCrisisResources keeps the worldwide ('ANY') entries only.
        map((entries): CrisisContactsState => ({
          kind: 'ready',
          contacts: withTexts(
            selectCrisisResources(
              entries.filter((entry) => entry.active),
              key,
            ),
            entries,
          ),
        })),
        catchError(() => {
          // Ask again next time (and on "Try again") rather than remembering the failure.
          this.cache.delete(key);
          return of<CrisisContactsState>({ kind: 'failed' });
        }),
        startWith<CrisisContactsState>({ kind: 'loading' }),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
      this.cache.set(key, contacts);
    }
    return contacts;
  }
}
