import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ResourceDirectoryEntry, ResourceEntryWrite } from '@sg/contracts';
import { Observable } from 'rxjs';
import { apiPath } from './staff-contract';

/** Admins: the resource directory (`/api/resources`), retired entries included. */
@Injectable()
export class ResourceDirectoryApi {
  private readonly http = inject(HttpClient);

  /** With the bearer token, admins get retired entries too. */
  list(): Observable<ResourceDirectoryEntry[]> {
    return this.http.get<ResourceDirectoryEntry[]>(apiPath('resources'), { params: { includeInactive: 'true' } });
  }

  create(body: ResourceEntryWrite): Observable<ResourceDirectoryEntry> {
    return this.http.post<ResourceDirectoryEntry>(apiPath('resources'), body);
  }

  update(id: string, body: Partial<ResourceEntryWrite>): Observable<ResourceDirectoryEntry> {
    return this.http.patch<ResourceDirectoryEntry>(apiPath('resources', encodeURIComponent(id)), body);
  }
}
