import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { NotificationList, NotificationView } from '@sg/contracts';
import { Observable } from 'rxjs';
import { apiPath } from './staff-contract';

/** The signed-in person's notifications (fired follow-ups). */
@Injectable()
export class NotificationsApi {
  private readonly http = inject(HttpClient);

  open(): Observable<NotificationList> {
    return this.http.get<NotificationList>(apiPath('notifications'), { params: new HttpParams().set('status', 'open') });
  }

  markDone(id: string): Observable<NotificationView> {
    return this.http.post<NotificationView>(apiPath('notifications', encodeURIComponent(id), 'done'), {});
  }
}
