import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { HttpErrorResponse } from '@angular/common/http';
import type { ConversationMessage, PersonConversation } from '@sg/contracts';
import { TEXT_LIMITS } from '@sg/contracts';
import { looksLikeMediaLink } from '@sg/domain';
import { EMPTY, Subject, catchError, debounceTime, filter, firstValueFrom, merge, repeat, retry, switchMap, timer } from 'rxjs';
import { StreamUnauthorizedError, reconnectDelayMs } from '../../system/live/event-stream';
import { CharacterCount } from '../ui/character-count';
import { PersonConversationApi } from './conversation-api';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { DateTimePipe } from '../../system/i18n/date-time.pipe';

type SendState = 'idle' | 'sending' | 'failed' | 'too-long';

/**
 * The person's conversation with the team, on /my-case. New messages from the team appear
 * without a reload (a live stream that carries no words; the thread is then re-read). A message
 * that does not go through stays in the box with the same id, so trying again never sends it twice.
 */
@Component({
  selector: 'sg-conversation-panel',
  imports: [CharacterCount, TranslatePipe, DateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .messages {
      list-style: none;
      margin: 0 0 1rem;
      padding: 0;
      display: grid;
      gap: 0.6rem;
    }
    .messages li {
      max-width: 85%;
      padding: 0.6rem 0.8rem;
      border-radius: 0.8rem;
      background: var(--accent-soft);
      justify-self: start;
    }
    .messages li.mine {
      justify-self: end;
      background: #eef0f3;
    }
    .messages li.empty {
      max-width: none;
      background: none;
      padding: 0;
    }
    .who {
      margin: 0;
      font-size: 0.95rem;
      color: var(--muted);
    }
    .words {
      margin: 0.2rem 0 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .new-badge {
      display: inline-block;
      margin-left: 0.5rem;
      padding: 0 0.5rem;
      border-radius: 1rem;
      background: var(--accent);
      color: #fff;
      font-size: 0.9rem;
      vertical-align: middle;
    }
    .gentle {
      margin: 0.5rem 0 0;
      padding: 0.6rem 0.8rem;
      border-left: 4px solid var(--accent);
      background: var(--accent-soft);
    }
    textarea {
      width: 100%;
    }
  `,
  template: `
    @if (thread(); as thread) {
      @if (unreadOnOpen()) {
        <p data-testid="unread-messages">
          <strong>{{ 'person.conversation.unread' | t: { count: unreadOnOpen() } }}</strong>
        </p>
      }
      <ol class="messages" [attr.aria-label]="'person.conversation.messages' | t" data-testid="person-messages">
        @for (message of thread.messages; track message.id) {
          <li [class.mine]="message.from === 'person'" [attr.data-from]="message.from">
            <p class="who">
              {{ (message.from === 'person' ? 'person.conversation.you' : 'person.conversation.team') | t }} ·
              <time [attr.datetime]="message.sentAt">{{ message.sentAt | dateTime }}</time>
            </p>
            <p class="words">{{ message.body }}</p>
          </li>
        } @empty {
          <li class="empty">{{ 'person.conversation.empty' | t }}</li>
        }
      </ol>
      @if (thread.open) {
        <form (submit)="$event.preventDefault(); send()">
          <div class="field">
            <label for="f-message">{{ 'person.conversation.writeLabel' | t }}</label>
            <p class="hint" id="f-message-hint">{{ 'person.conversation.hint' | t }}</p>
            <textarea
              id="f-message"
              rows="4"
              [attr.maxlength]="limit"
              [value]="draft()"
              (input)="draft.set($any($event.target).value)"
              aria-describedby="f-message-hint f-message-count"
            ></textarea>
            <sg-character-count [text]="draft()" [max]="limit" countId="f-message-count" />
            @if (mediaWarning()) {
              <p class="gentle" role="status" data-testid="media-warning">{{ 'person.conversation.mediaWarning' | t }}</p>
            }
          </div>
          <div role="status" class="send-status">
            @switch (sendState()) {
              @case ('failed') {
                <p class="field-error">{{ 'person.conversation.failed' | t }}</p>
              }
              @case ('too-long') {
                <p class="field-error">{{ 'person.conversation.tooLong' | t }}</p>
              }
            }
          </div>
          <button type="submit" class="button primary" [disabled]="sendState() === 'sending'">
            {{ (sendState() === 'sending' ? 'person.conversation.sending' : 'person.conversation.send') | t }}
          </button>
        </form>
      } @else {
        <p>{{ 'person.conversation.closed' | t }}</p>
      }
    } @else if (loadFailed()) {
      <p class="field-error" role="alert">{{ 'person.conversation.loadFailed' | t }}</p>
    } @else {
      <p>{{ 'person.conversation.loading' | t }}</p>
    }
  `,
})
export class ConversationPanel {
  private readonly api = inject(PersonConversationApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly reloads = new Subject<void>();

  /** The conversation session from MyCasePage. */
  readonly session = input.required<string>();
  /** The session has ended (quick exit elsewhere, or 30 minutes unused): the page opens a new one. */
  readonly sessionEnded = output<void>();

  protected readonly limit = TEXT_LIMITS.message;
  protected readonly thread = signal<PersonConversation | null>(null);
  protected readonly unreadOnOpen = signal(0);
  protected readonly loadFailed = signal(false);
  protected readonly draft = signal('');
  protected readonly sendState = signal<SendState>('idle');
  protected readonly mediaWarning = computed(() => looksLikeMediaLink(this.draft()));
  private draftId = crypto.randomUUID();
  private firstLoad = true;

  constructor() {
    const session$ = toObservable(this.session);
    // Read on open, after each live signal, and when the stream comes back after a drop.
    session$
      .pipe(
        switchMap((session) =>
          merge(timer(0), this.reloads, this.live(session)).pipe(
            debounceTime(100),
            switchMap(() => this.api.read(session).pipe(catchError((error: unknown) => (this.onProblem(error), EMPTY)))),
          ),
        ),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((thread) => {
        this.loadFailed.set(false);
        if (this.firstLoad) this.unreadOnOpen.set(thread.unread);
        this.firstLoad = false;
        this.thread.set(thread);
      });
  }

  protected async send(): Promise<void> {
    const body = this.draft().trim();
    if (!body || this.sendState() === 'sending') return;
    this.sendState.set('sending');
    try {
      const message = await firstValueFrom(this.api.send(this.session(), { clientMessageId: this.draftId, body }));
      this.draftId = crypto.randomUUID();
      this.draft.set('');
      this.sendState.set('idle');
      this.add(message);
    } catch (error) {
      if (error instanceof HttpErrorResponse && error.status === 401) {
        this.sendState.set('failed');
        this.sessionEnded.emit();
        return;
      }
      this.sendState.set(error instanceof HttpErrorResponse && (error.status === 400 || error.status === 413) ? 'too-long' : 'failed');
    }
  }

  private add(message: ConversationMessage): void {
    this.thread.update((thread) =>
      thread && !thread.messages.some((m) => m.id === message.id) ? { ...thread, messages: [...thread.messages, message] } : thread,
    );
  }

  /** The live stream's events, reconnecting after a drop (each reconnect re-reads the thread). */
  private live(session: string) {
    return this.api.stream(session).pipe(
      filter((event) => event.event === 'conversation.message'),
      repeat({ delay: () => (this.reloads.next(), timer(1000)) }),
      retry({
        delay: (error: unknown, attempt: number) => {
          if (error instanceof StreamUnauthorizedError) {
            this.sessionEnded.emit();
            return EMPTY;
          }
          this.reloads.next();
          return timer(reconnectDelayMs(attempt));
        },
      }),
    );
  }

  private onProblem(error: unknown): void {
    if (error instanceof HttpErrorResponse && error.status === 401) this.sessionEnded.emit();
    else this.loadFailed.set(true);
  }
}
