import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ResourceDirectoryEntry } from '@sg/contracts';
import { MatchedResource, RESOURCE_DIRECTORY_SEED, selectCrisisResources } from '@sg/domain';
import { Observable, catchError, map, of, shareReplay, startWith } from 'rxjs';
import { PUBLIC_API } from '../contracts/public-contract';


/**
 * Crisis contacts for a country, from the organisation's directory. The built-in list is shown
 * at once and if the API cannot be reached: someone in danger must never see an empty box.
 */
@Injectable({ providedIn: 'root' })
export class PublicResources {
  private readonly http = inject(HttpClient);
  private readonly cache = new Map<string, Observable<MatchedResource[]>>();

  crisisContacts(country: string): Observable<MatchedResource[]> {
    let contacts = this.cache.get(country);
    if (!contacts) {
      const builtIn = selectCrisisResources(RESOURCE_DIRECTORY_SEED, country);
      contacts = this.http
        .get<ResourceDirectoryEntry[]>(PUBLIC_API.resources, { params: new HttpParams().set('country', country) })
        .pipe(
          map((entries) => {
            const resources = selectCrisisResources(entries.filter((entry) => entry.active), country);
            return resources.length ? resources : builtIn;
          }),
          catchError(() => {
            // Try again next time rather than remembering the failure.
            this.cache.delete(country);
            return of(builtIn);
          }),
          startWith(builtIn),
          shareReplay({ bufferSize: 1, refCount: false }),
        );
      this.cache.set(country, contacts);
    }
    return contacts;
  }
}
