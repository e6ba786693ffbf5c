import { Injectable, inject, signal } from '@angular/core';
import type { CaseChangeEvent, CaseChangeSignal, NotificationEvent } from '@sg/contracts';
import { apiPath } from '../data-access/staff-contract';
import { EMPTY, Observable, defer, filter, map, repeat, retry, share, switchMap, throwError, timeout, timer } from 'rxjs';
import { AuthSession } from '../auth/auth-session';
import { StreamUnauthorizedError, eventStream, reconnectDelayMs } from '../../system/live/event-stream';
import type { ServerSentEvent } from '../../system/live/sse-parser';
import { ConversationSignal, toCaseChangeEvent, toConversationSignal, toNotificationCreatedEvent } from './stream-messages';

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'stopped';

/**
 * The server sends a keepalive every 20 s. Nothing for this long means the connection is
 * half-open (a sleeping laptop, a proxy that dropped it without saying): reconnect rather than
 * read forever under a badge that says Live.
 */
export const STREAM_SILENCE_MS = 45_000;

/**
 * `GET /api/events` as one shared stream of case changes: connected while anything on screen
 * listens, reconnecting with backoff when the connection drops, refreshing the token on 401.
 */
@Injectable()
export class CaseEvents {
  private readonly session = inject(AuthSession);
  private readonly liveState = signal<LiveState>('stopped');
  private attempt = 0;

  readonly state = this.liveState.asReadonly();

  /** Every message of the one shared connection (case changes and notifications). */
  private readonly messages$: Observable<ServerSentEvent> = defer(() => {
    const token = this.session.accessToken();
    if (!token) return throwError(() => new StreamUnauthorizedError());
    this.liveState.set(this.attempt === 0 ? 'connecting' : 'reconnecting');
    return eventStream({
      url: apiPath('events'),
      headers: { Authorization: `Bearer ${token}` },
      onOpen: () => {
        this.attempt = 0;
        this.liveState.set('live');
      },
    }).pipe(timeout({ each: STREAM_SILENCE_MS }));
  }).pipe(
    // The server ended the stream (a deploy, a proxy timeout): come back after a short pause.
    repeat({ delay: () => timer(reconnectDelayMs(this.attempt++)) }),
    retry({
      delay: (error: unknown) => {
        this.liveState.set('reconnecting');
        if (error instanceof StreamUnauthorizedError) {
          // Usually the token just expired: renew it and reconnect at once (later tries back off).
          const wait = this.attempt === 0 ? 0 : reconnectDelayMs(this.attempt);
          this.attempt++;
          return this.session.refresh().pipe(
            switchMap((ok) => {
              if (ok) return timer(wait);
              this.liveState.set('stopped');
              this.session.expire();
              return EMPTY;
            }),
          );
        }
        return timer(reconnectDelayMs(this.attempt++));
      },
    }),
    share({
      resetOnRefCountZero: () => {
        this.liveState.set('stopped');
        return timer(0);
      },
    }),
  );

  /** Case changes: whole events, or only signals for cases this person may not open. */
  readonly changes$: Observable<CaseChangeEvent | CaseChangeSignal> = this.messages$.pipe(
    map(toCaseChangeEvent),
    filter((event): event is CaseChangeEvent | CaseChangeSignal => event !== null),
  );

  /** Follow-ups that fired for someone (the bell keeps only the signed-in person's). */
  readonly notifications$: Observable<NotificationEvent> = this.messages$.pipe(
    map(toNotificationCreatedEvent),
    filter((event): event is NotificationEvent => event !== null),
  );

  /** Someone wrote in a case's conversation (the words are never on the stream). */
  readonly conversation$: Observable<ConversationSignal> = this.messages$.pipe(
    map(toConversationSignal),
    filter((event): event is ConversationSignal => event !== null),
  );
}
