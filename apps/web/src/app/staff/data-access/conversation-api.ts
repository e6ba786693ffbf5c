import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ConversationMessage, RecordContactRequest, SendMessageRequest, StaffConversation, UnreadCount } from '@sg/contracts';
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
  unread(caseId: string): Observable<UnreadCount> {
    return this.http.get<UnreadCount>(apiPath('cases', encodeURIComponent(caseId), 'conversation', 'unread'));
  }

  /** A contact made outside the product (a call, an e-mail): counts as first contact. */
  recordContact(caseId: string, contact: RecordContactRequest): Observable<StaffConversation> {
    return this.http.post<StaffConversation>(apiPath('cases', encodeURIComponent(caseId), 'contacts'), contact);
  }

  send(caseId: string, message: SendMessageRequest): Observable<ConversationMessage> {
    return this.http.post<ConversationMessage>(apiPath('cases', encodeURIComponent(caseId), 'conversation', 'messages'), message);
  }
}
