import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { StaffMember } from '@sg/contracts';
import { apiPath } from './staff-contract';
import { Observable, shareReplay } from 'rxjs';

/** `GET /api/staff` (supervisors and admins): who a case can be assigned to. */
@Injectable()
export class StaffApi {
  private readonly http = inject(HttpClient);
  private cached: Observable<StaffMember[]> | null = null;

  /** Active members only; fetched once per session (the list rarely changes during a shift). */
  assignable(): Observable<StaffMember[]> {
    this.cached ??= this.http.get<StaffMember[]>(apiPath('staff')).pipe(shareReplay({ bufferSize: 1, refCount: false }));
    return this.cached;
  }

  forget(): void {
    this.cached = null;
  }
}
