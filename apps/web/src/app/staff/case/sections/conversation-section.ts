import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, computed, effect, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import type { ConversationMessage, RecordContactRequest, SavedReply, StaffConversation } from '@sg/contracts';
import { TEXT_LIMITS, savedReplyIn } from '@sg/contracts';
import { Language, fillSavedReply, looksLikeMediaLink } from '@sg/domain';
import { Translator, flattenCatalogue, loadIcuCompiler } from '@sg/i18n';
import { PERSON_CATALOGUES } from '@sg/i18n/person';
import { Subject, debounceTime, filter, finalize, merge, switchMap, catchError, EMPTY } from 'rxjs';
import { AuthSession } from '../../auth/auth-session';
import { ConversationApi } from '../../data-access/conversation-api';
import { SavedRepliesApi } from '../../data-access/saved-replies-api';
import { LiveUpdates } from '../../live/live-updates';
import { controlErrors, problemMessage } from '../../ui/http-errors';
import { WhenPipe } from '../../ui/when';
import { TranslatePipe } from '../../../system/i18n/translate.pipe';
import { I18n } from '../../../system/i18n/i18n';
import { CaseStore } from '../case-store';

/**
 * The person's part of the catalogue in each language, loaded once per page (plan step titles are
 * `person.plan.*` keys). The dashboard's own `I18n` speaks the staff member's language, while a
 * saved reply goes to the person in theirs.
 */
const personTranslators = new Map<Language, Promise<Translator>>();
function personTranslator(language: Language): Promise<Translator> {
  let translator = personTranslators.get(language);
  if (!translator) {
    translator = Promise.all([PERSON_CATALOGUES[language](), language === 'en' ? null : PERSON_CATALOGUES.en(), loadIcuCompiler()]).then(
      ([own, english, icu]) => {
        const flat = flattenCatalogue(own);
        return new Translator(language, flat, { fallback: english ? flattenCatalogue(english) : flat, icu });
      },
    );
    // A failed load (the network) is tried again on the next insert.
    translator.catch(() => personTranslators.delete(language));
    personTranslators.set(language, translator);
  }
  return translator;
}

/**
 * The case's conversation with the person: their messages and the team's, oldest first, and a
 * box to write. Re-read when the live stream says someone wrote in this case (the stream never
 * carries the words). Opening it is an audited read of the case.
 */
@Component({
  selector: 'sg-conversation-section',
  imports: [WhenPipe, TranslatePipe, ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatError, MatHint, MatButton, MatMenu, MatMenuItem, MatMenuTrigger],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './section.scss',
  template: `
    @if (loadProblem(); as problem) {
      <p class="problems" role="alert">{{ problem }}</p>
    }
    @if (thread(); as thread) {
      <p class="hint" data-testid="first-contact">
        @if (thread.firstContactAt) {
          {{ 'staff.case.conversation.firstContact' | t }} <time [attr.datetime]="thread.firstContactAt">{{ thread.firstContactAt | when }}</time>.
        } @else {
          {{ 'staff.case.conversation.noContactYet' | t }}
        }
        {{ 'staff.case.conversation.howTheyRead' | t }}
      </p>
      @if (thread.transcript; as transcript) {
        <details class="transcript" data-testid="intake-transcript">
          <summary>
            {{ 'staff.case.conversation.transcript' | t: { channel: transcript.channel, who: transcript.recordedBy ?? ('staff.case.conversation.staff' | t) } }}
            · <time [attr.datetime]="transcript.recordedAt">{{ transcript.recordedAt | when }}</time>
          </summary>
          <p class="body">{{ transcript.body }}</p>
        </details>
      }
      <ol class="messages" #list [attr.aria-label]="'staff.case.conversation.messages' | t" data-testid="conversation-messages">
        @for (message of thread.messages; track message.id) {
          <li [class.mine]="message.from === 'staff'" [attr.data-from]="message.from">
            <p class="meta">
              {{ message.from === 'person' ? ('staff.case.common.thePerson' | t) : message.authorName }} ·
              <time [attr.datetime]="message.sentAt">{{ message.sentAt | when }}</time>
              @if (message.from === 'staff') {
                · {{ (message.readByPersonAt ? 'staff.case.conversation.read' : 'staff.case.conversation.notRead') | t }}
                @switch (message.nudge) {
                  @case ('sent') {
                    · {{ 'staff.case.conversation.nudgeSent' | t }}
                  }
                  @case ('pending') {
                    · {{ 'staff.case.conversation.nudgePending' | t }}
                  }
                  @case ('undeliverable') {
                    · {{ 'staff.case.conversation.nudgeFailed' | t }}
                  }
                }
              }
            </p>
            <p class="body">{{ message.body }}</p>
          </li>
        } @empty {
          <li class="empty">{{ 'staff.case.conversation.empty' | t }}</li>
        }
      </ol>
    } @else if (!loadProblem()) {
      <p class="hint">{{ 'staff.case.conversation.loading' | t }}</p>
    }

    @if (mayWrite()) {
      <form class="form" [formGroup]="form" (ngSubmit)="send()" novalidate>
        <mat-form-field class="wide">
          <mat-label>{{ 'staff.case.conversation.message' | t }}</mat-label>
          <textarea matInput formControlName="body" rows="3" required [maxlength]="limit" [attr.lang]="inserted()?.language ?? null"></textarea>
          <mat-hint>{{ 'staff.case.conversation.messageHint' | t }} {{ form.controls.body.value.length }} / {{ limit }}</mat-hint>
          <mat-error>{{ error(form.controls.body, 'staff.case.conversation.messageField' | t) }}</mat-error>
        </mat-form-field>
        @if (mediaWarning()) {
          <p class="warning wide" role="status">{{ 'staff.case.conversation.mediaWarning' | t }}</p>
        }
        @if (inserted(); as inserted) {
          <p class="hint wide" role="status" data-testid="inserted-language" [attr.data-language]="inserted.language">
            {{
              (inserted.language === inserted.personLanguage ? 'staff.case.conversation.insertedIn' : 'staff.case.conversation.insertedFallback')
                | t: { language: inserted.personLanguage }
            }}
          </p>
        }
        @if (sendProblem(); as problem) {
          <p class="problems" role="alert">{{ problem }}</p>
        }
        <div class="buttons">
          <button matButton="filled" type="submit" [disabled]="sending()">
            {{ (sending() ? 'staff.case.conversation.sending' : 'staff.case.conversation.send') | t }}
          </button>
          <button matButton="outlined" type="button" [matMenuTriggerFor]="replies" [disabled]="!savedReplies().length">
            {{ 'staff.case.conversation.savedReplies' | t }}
          </button>
          <mat-menu #replies="matMenu">
            @for (reply of savedReplies(); track reply.id) {
              <button mat-menu-item type="button" (click)="insert(reply)">{{ titleOf(reply) }}</button>
            }
          </mat-menu>
        </div>
      </form>
      <details class="record-contact" data-testid="record-contact">
        <summary>{{ 'staff.case.conversation.recordTitle' | t }}</summary>
        <form class="contact-form" (submit)="$event.preventDefault(); recordContact(contactChannel.value, contactWhen.value)">
          <label
            >{{ 'staff.case.conversation.how' | t }}
            <select #contactChannel>
              <option value="phone">{{ 'staff.case.conversation.channel.phone' | t }}</option>
              <option value="email">{{ 'staff.case.conversation.channel.email' | t }}</option>
              <option value="sms">{{ 'staff.case.conversation.channel.sms' | t }}</option>
              <option value="chat">{{ 'staff.case.conversation.channel.chat' | t }}</option>
              <option value="in_person">{{ 'staff.case.conversation.channel.in_person' | t }}</option>
            </select>
          </label>
          <label>{{ 'staff.case.conversation.when' | t }} <input #contactWhen type="datetime-local" [max]="nowLocal()" /></label>
          <button matButton="outlined" type="submit" [disabled]="recording()">
            {{ (recording() ? 'staff.case.conversation.recording' : 'staff.case.conversation.record') | t }}
          </button>
        </form>
        <p class="hint">{{ 'staff.case.conversation.whenHint' | t }}</p>
        @if (contactProblem(); as problem) {
          <p class="problems" role="alert">{{ problem }}</p>
        }
      </details>
    } @else {
      <p class="hint">{{ 'staff.case.conversation.claimToWrite' | t }}</p>
    }
  `,
  styles: `
    .messages {
      list-style: none;
      margin: 8px 0 16px;
      padding: 0;
      display: grid;
      gap: 8px;
      max-height: 55vh;
      overflow-y: auto;
    }
    .messages li {
      max-width: 75%;
      padding: 8px 12px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container);
      justify-self: start;
    }
    .messages li.mine {
      justify-self: end;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .messages li.empty {
      max-width: none;
      background: none;
    }
    .messages p {
      margin: 0;
    }
    .body {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      margin-top: 2px !important;
    }
    .transcript {
      margin: 0 0 8px;
      padding: 8px 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    .transcript summary {
      cursor: pointer;
      font: var(--mat-sys-body-medium);
    }
    .record-contact {
      margin-top: 12px;
    }
    .record-contact summary {
      cursor: pointer;
      font: var(--mat-sys-body-medium);
    }
    .contact-form {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: end;
      margin: 8px 0;
    }
    .contact-form label {
      display: grid;
      gap: 2px;
      font: var(--mat-sys-body-small);
    }
    .contact-form select,
    .contact-form input {
      font: var(--mat-sys-body-medium);
      padding: 6px;
    }
    .warning {
      margin: 0;
      padding: 8px 12px;
      border-left: 4px solid var(--mat-sys-tertiary);
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
  `,
})
export class ConversationSection {
  private readonly api = inject(ConversationApi);
  private readonly store = inject(CaseStore);
  private readonly i18n = inject(I18n);
  private readonly session = inject(AuthSession);
  private readonly live = inject(LiveUpdates);
  private readonly savedRepliesApi = inject(SavedRepliesApi);
  protected readonly savedReplies = signal<SavedReply[]>([]);
  /** The language of the saved reply last inserted, and the one the person reads (they differ when it falls back to English). */
  protected readonly inserted = signal<{ language: Language; personLanguage: Language } | null>(null);
  private readonly formDirective = viewChild(FormGroupDirective);
  private readonly list = viewChild<ElementRef<HTMLElement>>('list');
  private readonly reloads = new Subject<void>();
  /** Kept across retries of one draft, so a resend after a lost answer is stored once. */
  private draftId = crypto.randomUUID();

  protected readonly limit = TEXT_LIMITS.message;
  protected readonly form = inject(FormBuilder).nonNullable.group({ body: ['', [Validators.required, Validators.maxLength(TEXT_LIMITS.message)]] });
  protected readonly thread = signal<StaffConversation | null>(null);
  protected readonly loadProblem = signal<string | null>(null);
  protected readonly sendProblem = signal<string | null>(null);
  protected readonly sending = signal(false);
  protected readonly recording = signal(false);
  protected readonly contactProblem = signal<string | null>(null);
  /** The latest a contact can be recorded at, for the date picker (local time, minutes). */
  protected readonly nowLocal = () => {
    const now = new Date();
    return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  };
  protected readonly error = controlErrors();
  private readonly draft = signal('');
  protected readonly mediaWarning = computed(() => looksLikeMediaLink(this.draft()));
  /** The holder writes; supervisors and admins may too. The server decides; this only hides a box that would be refused. */
  protected readonly mayWrite = computed(() => {
    const detail = this.store.detail();
    const user = this.session.user();
    if (!detail || !user || detail.status === 'closed') return false;
    return user.role !== 'caseworker' || detail.assignee?.id === user.id;
  });

  constructor() {
    const caseId = computed(() => this.store.detail()?.id ?? null);
    this.form.controls.body.valueChanges.pipe(takeUntilDestroyed()).subscribe((value) => {
      this.draft.set(value);
      // An emptied box no longer holds the inserted reply.
      if (!value?.trim()) this.inserted.set(null);
    });
    const destroyRef = inject(DestroyRef);
    this.store.conversationOpen = true;
    destroyRef.onDestroy(() => (this.store.conversationOpen = false));
    merge(this.reloads, this.live.conversation$.pipe(filter((event) => event.caseId === caseId())), this.live.reconnected$)
      .pipe(
        debounceTime(150),
        switchMap(() => {
          const id = caseId();
          return id
            ? this.api
                .read(id)
                .pipe(
                  catchError(
                    (error: unknown) => (this.loadProblem.set(problemMessage(this.i18n, error, this.i18n.t('staff.case.conversation.loadFailed'))), EMPTY),
                  ),
                )
            : EMPTY;
        }),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((thread) => this.show(thread));
    effect(() => {
      if (caseId()) this.reloads.next();
    });
    this.savedRepliesApi
      .list()
      .pipe(
        catchError(() => EMPTY),
        takeUntilDestroyed(),
      )
      .subscribe((replies) => this.savedReplies.set(replies));
  }

  /**
   * A saved reply into the box (after what is there) to edit before sending: in the language the
   * person reads, or in English when the reply is not written in it yet (the box says which), its
   * placeholders filled from this case's plan in that same language.
   */
  protected async insert(reply: SavedReply): Promise<void> {
    const detail = this.store.detail();
    const personLanguage: Language = detail?.language ?? 'en';
    const text = savedReplyIn(reply, personLanguage);
    let say: Translator;
    try {
      say = await personTranslator(text.language);
    } catch {
      this.sendProblem.set(this.i18n.t('staff.case.conversation.insertFailed'));
      return;
    }
    // Step titles are catalogue keys: said in the language of the words around them.
    const plan = (detail?.actionPlan ?? []).map((step) => ({ title: say.text(step.title), done: step.done }));
    const filled = fillSavedReply(text.body, plan);
    const current = this.form.controls.body.value.trim();
    this.form.controls.body.setValue(current ? `${current}\n\n${filled}` : filled);
    this.form.controls.body.markAsDirty();
    this.inserted.set({ language: text.language, personLanguage });
  }

  /** A reply is picked by its title in the dashboard's language (English when not written in it). */
  protected titleOf(reply: SavedReply): string {
    return savedReplyIn(reply, this.i18n.language()).title;
  }

  protected send(): void {
    const id = this.store.detail()?.id;
    const body = this.form.getRawValue().body.trim();
    if (!id || !body) {
      this.form.controls.body.setErrors({ required: true });
      this.form.markAllAsTouched();
      return;
    }
    this.sending.set(true);
    this.sendProblem.set(null);
    this.api
      .send(id, { clientMessageId: this.draftId, body })
      .pipe(finalize(() => this.sending.set(false)))
      .subscribe({
        next: (message) => {
          this.draftId = crypto.randomUUID();
          this.inserted.set(null);
          this.append(message);
          const directive = this.formDirective();
          if (directive) directive.resetForm();
          else this.form.reset();
        },
        // The draft stays in the box, and the same id goes with the retry: nothing is lost or sent twice.
        error: (error: unknown) => this.sendProblem.set(problemMessage(this.i18n, error, this.i18n.t('staff.case.conversation.sendFailed'))),
      });
  }

  protected recordContact(channel: string, when: string): void {
    const id = this.store.detail()?.id;
    if (!id) return;
    const at = when ? new Date(when) : null;
    if (at && Number.isNaN(at.getTime())) {
      this.contactProblem.set(this.i18n.t('staff.case.conversation.badTime'));
      return;
    }
    this.recording.set(true);
    this.contactProblem.set(null);
    this.api
      // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- the channel comes from a select of the recorded-contact channels; the API refuses anything else (400).
      .recordContact(id, { channel: channel as RecordContactRequest['channel'], ...(at ? { at: at.toISOString() } : {}) })
      .pipe(finalize(() => this.recording.set(false)))
      .subscribe({
        next: (thread) => this.show(thread),
        error: (error: unknown) => this.contactProblem.set(problemMessage(this.i18n, error, this.i18n.t('staff.case.conversation.recordFailed'))),
      });
  }

  private append(message: ConversationMessage): void {
    this.thread.update((thread) =>
      thread && !thread.messages.some((m) => m.id === message.id)
        ? // A message sent is first contact when it is the first.
          { ...thread, messages: [...thread.messages, message], firstContactAt: thread.firstContactAt ?? message.sentAt }
        : thread,
    );
    this.scrollToEnd();
  }

  private show(thread: StaffConversation): void {
    this.loadProblem.set(null);
    this.store.conversationUnread.set(0);
    this.thread.set(thread);
    this.scrollToEnd();
  }

  private scrollToEnd(): void {
    queueMicrotask(() => setTimeout(() => this.list()?.nativeElement.scrollTo({ top: 1e9 })));
  }
}
