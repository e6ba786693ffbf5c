import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ConversationMessage, SendMessageRequest, StaffConversation } from '@sg/contracts';
import { Observable } from 'rxjs';
import { apiPath } from './staff-contract';

/** A case's conversation with the person (every read is audited on the server). */
@Injectable()
export class ConversationApi {
  private readonly http = inject(HttpClient);

  read(caseId: string): Observable<StaffConversation> {
    return this.http.get<StaffConversation>(apiPath('cases', encodeURIComponent(caseId), 'conversation'));
  }

  /** The unread count only (no words; not an audited read). */
  unread(caseId: string): Observable<{ unread: number }> {
    return this.http.get<{ unread: number }>(apiPath('cases', encodeURIComponent(caseId), 'conversation', 'unread'));
  }

  send(caseId: string, message: SendMessageRequest): Observable<ConversationMessage> {
    return this.http.post<ConversationMessage>(apiPath('cases', encodeURIComponent(caseId), 'conversation', 'messages'), message);
  }
}
