import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CaseAccessRequest, ConversationMessage, ConversationSession, PersonConversation, SendMessageRequest } from '@sg/contracts';
import { Observable } from 'rxjs';
import { eventStream } from '../../system/live/event-stream';
import type { ServerSentEvent } from '../../system/live/sse-parser';
import { CASE_SESSION_HEADER, PUBLIC_API } from '../contracts/public-contract';

/**
 * The person's conversation with the team. The reference and code open a short-lived session
 * once; everything after sends the session, never the code.
 */
@Injectable({ providedIn: 'root' })
export class PersonConversationApi {
  private readonly http = inject(HttpClient);

  openSession(request: CaseAccessRequest): Observable<ConversationSession> {
    return this.http.post<ConversationSession>(PUBLIC_API.conversationSession, request);
  }

  read(session: string): Observable<PersonConversation> {
    return this.http.get<PersonConversation>(PUBLIC_API.conversation, { headers: this.headers(session) });
  }

  send(session: string, message: SendMessageRequest): Observable<ConversationMessage> {
    return this.http.post<ConversationMessage>(PUBLIC_API.conversationMessages, message, { headers: this.headers(session) });
  }

  /** Live: one event per new message (no words); completes when the session would expire. */
  stream(session: string): Observable<ServerSentEvent> {
    return eventStream({ url: PUBLIC_API.conversationStream, headers: { [CASE_SESSION_HEADER]: session } });
  }

  private headers(session: string): HttpHeaders {
    return new HttpHeaders({ [CASE_SESSION_HEADER]: session });
  }
}
