import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { QueueHealth } from '@sg/contracts';
import { apiPath } from './staff-contract';
import { Observable } from 'rxjs';

@Injectable()
export class SupervisionApi {
  private readonly http = inject(HttpClient);

  queueHealth(): Observable<QueueHealth> {
    return this.http.get<QueueHealth>(apiPath('supervision', 'queue-health'));
  }
}
