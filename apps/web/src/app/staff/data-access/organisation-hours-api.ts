import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { OpeningHoursInput, OrganisationHours } from '@sg/contracts';
import { Observable } from 'rxjs';
import { apiPath } from './staff-contract';

/** The organisation's opening hours (`/api/organisation/hours`): every member of staff reads, admins replace. */
@Injectable()
export class OrganisationHoursApi {
  private readonly http = inject(HttpClient);

  get(): Observable<OrganisationHours> {
    return this.http.get<OrganisationHours>(apiPath('organisation', 'hours'));
  }

  replace(hours: OpeningHoursInput): Observable<OrganisationHours> {
    return this.http.put<OrganisationHours>(apiPath('organisation', 'hours'), hours);
  }
}
