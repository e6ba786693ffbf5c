import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { StaffCreate, StaffMember, StaffUpdate } from '@sg/contracts';
import { Observable, tap } from 'rxjs';
import { apiPath } from './staff-contract';
import { StaffApi } from './staff-api';

/** Admins: every staff account (`/api/staff`), active or not; adding, changing, deactivating. */
@Injectable()
export class StaffAccountsApi {
  private readonly http = inject(HttpClient);
  /** The assignable list is cached for the session; a change here makes it stale. */
  private readonly staff = inject(StaffApi);

  list(): Observable<StaffMember[]> {
    return this.http.get<StaffMember[]>(apiPath('staff'), { params: { includeInactive: 'true' } });
  }

  create(body: StaffCreate): Observable<StaffMember> {
    return this.http.post<StaffMember>(apiPath('staff'), body).pipe(tap(() => this.staff.forget()));
  }

  update(id: string, body: StaffUpdate): Observable<StaffMember> {
    return this.http.patch<StaffMember>(apiPath('staff', encodeURIComponent(id)), body).pipe(tap(() => this.staff.forget()));
  }
}
