import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { SavedReply, SavedReplyChange, SavedReplyInput } from '@sg/contracts';
import { Observable } from 'rxjs';
import { apiPath } from './staff-contract';

/** The team's saved replies: everyone picks, admins write. */
@Injectable()
export class SavedRepliesApi {
  private readonly http = inject(HttpClient);

  list(all = false): Observable<SavedReply[]> {
    return this.http.get<SavedReply[]>(apiPath('savedReplies'), { params: all ? new HttpParams().set('all', 'true') : undefined });
  }

  create(reply: SavedReplyInput): Observable<SavedReply> {
    return this.http.post<SavedReply>(apiPath('savedReplies'), reply);
  }

  update(id: string, change: SavedReplyChange): Observable<SavedReply> {
    return this.http.patch<SavedReply>(apiPath('savedReplies', encodeURIComponent(id)), change);
  }
}
