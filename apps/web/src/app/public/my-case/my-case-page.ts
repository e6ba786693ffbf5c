import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, effect, inject, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import type { CaseAccessRequest, CaseAccessView } from '@sg/contracts';
import { ActionPlanStepKey, Language, Translatable } from '@sg/domain';
import { firstValueFrom } from 'rxjs';
import { loadContracts } from '../contracts/public-contract';
import { PlanChecklist, PlanStepToggle, withStepDone } from '../plan/plan-checklist';
import { ResourceGroups } from '../resources/resource-groups';
import { describedBy, FieldError } from '../ui/field-error';
import { HttpProblem, toHttpProblem } from '../ui/http-problem';
import { contactChoiceText } from '../ui/contact-choice-text';
import { PublicSessionStore } from '../session/public-session-store';
import { CrisisContacts } from '../resources/crisis-contacts';
import { VisitorCountry } from '../country/visitor-country';
import { AddInformation } from './add-information';
import { DeleteMyCase } from './delete-my-case';
import { OpenCaseKey, isSessionKey } from './case-access-api';
import { ConversationPanel } from './conversation-panel';
import { ReplyNotice } from '../ui/reply-notice';
import { PersonConversationApi } from './conversation-api';
import { CONVERSATION_SESSION_KEY, endConversationSession } from './conversation-session';
import { CaseAccessApi } from './case-access-api';
import { I18n } from '../../system/i18n/i18n';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { DateTimePipe } from '../../system/i18n/date-time.pipe';
import { LocalPathPipe } from '../language/local-path.pipe';
import { waitWords } from './wait-words';
import { InertUntilReady } from '../ui/inert-until-ready';

type SignInProblem = Exclude<HttpProblem, { kind: 'invalid' }> | null;

const FIELD_MESSAGES: Record<string, string> = {
  reference: 'person.myCase.signIn.referenceError',
  accessCode: 'person.myCase.signIn.accessCodeError',
};

/** The view as a server that knows the case's language sends it (older servers leave it out). */
type ViewWithLanguage = CaseAccessView & { language?: Language };

/**
 * `/my-case`: come back with the reference and access code. The code is kept in this page's
 * memory only; leaving the page or quick exit forgets it.
 */
/** Where an earlier version kept the reference and code: removed on sight. */
const LEGACY_OPEN_CASE_KEY = 'my-case';

@Component({
  hostDirectives: [InertUntilReady],
  selector: 'sg-my-case-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    FieldError,
    PlanChecklist,
    ResourceGroups,
    AddInformation,
    DeleteMyCase,
    CrisisContacts,
    ConversationPanel,
    ReplyNotice,
    TranslatePipe,
    DateTimePipe,
    LocalPathPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-case-page.html',
  styles: `
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.35rem 1.25rem;
      margin: 0 0 1rem;
      dt {
        font-weight: 700;
      }
      dd {
        margin: 0;
      }
    }
    .additions {
      padding-left: 1.1rem;
    }
    .addition-date {
      font-weight: 600;
    }
    .sign-in {
      margin-top: 1.5rem;
    }
    .code-input {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      letter-spacing: 0.05em;
      text-transform: uppercase;
    }
  `,
})
export class MyCasePage {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly api = inject(CaseAccessApi);
  private readonly injector = inject(Injector);
  private readonly i18n = inject(I18n);
  private readonly caseHeading = viewChild<ElementRef<HTMLElement>>('caseHeading');
  private readonly signInHeading = viewChild<ElementRef<HTMLElement>>('signInHeading');
  private readonly problemBox = viewChild<ElementRef<HTMLElement>>('problemBox');

  protected readonly signIn = this.fb.group({ reference: this.fb.control(''), accessCode: this.fb.control('') });
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly problem = signal<SignInProblem>(null);
  protected readonly opening = signal(false);
  protected readonly credentials = signal<CaseAccessRequest | null>(null);
  protected readonly view = signal<CaseAccessView | null>(null);
  protected readonly busy = signal<ActionPlanStepKey[]>([]);
  protected readonly planError = signal(false);
  protected readonly describedBy = describedBy;
  protected readonly visitor = inject(VisitorCountry);
  /** The first-response target in the page language: contactChoiceText puts it into its sentence as words. */
  private readonly withinText = (within: Translatable | null) => (within ? this.i18n.text(within) : null);
  protected readonly contactText = (view: CaseAccessView) => contactChoiceText(view.contact, this.withinText(view.firstResponseWithin));
  private readonly session = inject(PublicSessionStore);
  private readonly conversationApi = inject(PersonConversationApi);
  protected readonly conversationSession = signal<string | null>(null);
  protected readonly conversationUnavailable = signal(false);
  /** The page closed itself (its session ran out after a reload): say so above the sign-in form. */
  protected readonly closedForSafety = signal(false);
  /** How changes name the case: the session when there is one, else the code in memory. */
  protected readonly caseKey = computed<OpenCaseKey | null>(() => {
    const session = this.conversationSession();
    if (session) return { session };
    const credentials = this.credentials();
    return credentials ? { credentials } : null;
  });

  /** The language the server was last told (or, before that, the one the view says it has). */
  private toldLanguage: Language | undefined;

  constructor() {
    this.session.remove(LEGACY_OPEN_CASE_KEY);
    // A reload keeps the open case for this tab through its session (quick exit and closing the tab
    // forget it). Switching language re-creates this page under /ms or /es: it reopens from here too.
    const kept = this.session.read<string>(CONVERSATION_SESSION_KEY);
    if (kept) void this.reopen(kept);
    // The tab's language is what the page shows; the case's language is what the team's messages
    // and nudges are sent in. When they differ while a session is open, the case follows the tab.
    effect(() => this.followLanguage(this.i18n.language(), this.conversationSession(), this.view()));
  }

  private followLanguage(language: Language, session: string | null, view: ViewWithLanguage | null): void {
    if (!session || !view) return;
    const known = this.toldLanguage ?? view.language;
    // An older server says nothing of the case's language: remember the page's, and tell only a change.
    if (known === undefined) {
      this.toldLanguage = language;
      return;
    }
    if (known === language) return;
    this.toldLanguage = language;
    // Silent either way: the page never waits for this, and the next switch or open tries again.
    this.api.setLanguage(session, language).subscribe({ error: () => undefined });
  }

  private async reopen(sessionToken: string): Promise<void> {
    this.opening.set(true);
    try {
      this.view.set(await firstValueFrom(this.api.current(sessionToken)));
      this.conversationSession.set(sessionToken);
      this.focusAfterRender(() => this.caseHeading());
    } catch (error) {
      const problem = toHttpProblem(error);
      // Ended or gone: forget it and ask again. Offline or busy: say so, and keep it for the next try.
      if (error instanceof HttpErrorResponse && (error.status === 401 || error.status === 404)) {
        this.session.remove(CONVERSATION_SESSION_KEY);
        this.closedForSafety.set(true);
      } else if (problem.kind !== 'invalid') this.problem.set(problem);
    } finally {
      this.opening.set(false);
    }
  }
  protected readonly waitText = computed<Translatable | string>(() => {
    const problem = this.problem();
    return problem?.kind === 'rate-limited' ? waitWords(problem.retryAfterSeconds) : '';
  });

  /** Fetch the format checks while they type, so pressing Open never waits for them. */
  protected prefetchChecks(): void {
    void loadContracts();
  }

  protected async open(): Promise<void> {
    if (this.opening()) return;
    const { caseAccessRequestSchema, formatFieldPath } = await loadContracts();
    const parsed = caseAccessRequestSchema.safeParse(this.signIn.getRawValue());
    this.problem.set(null);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const path = formatFieldPath(issue.path);
        const key = FIELD_MESSAGES[path];
        errors[path] ??= key ? this.i18n.t(key) : issue.message;
      }
      this.errors.set(errors);
      return;
    }
    this.errors.set({});
    this.opening.set(true);
    try {
      const view = await firstValueFrom(this.api.open(parsed.data));
      this.credentials.set(parsed.data);
      this.view.set(view);
      this.closedForSafety.set(false);
      void this.startConversation(parsed.data);
      this.signIn.reset();
      this.focusAfterRender(() => this.caseHeading());
    } catch (error) {
      const problem = toHttpProblem(error);
      if (problem.kind === 'invalid') {
        // The server checks the same shapes; a mismatch means the reference or code was mistyped.
        this.problem.set({ kind: 'not-found' });
      } else {
        this.problem.set(problem);
      }
      this.focusAfterRender(() => this.problemBox());
    } finally {
      this.opening.set(false);
    }
  }

  protected async toggle({ key, done }: PlanStepToggle): Promise<void> {
    const caseKey = this.caseKey();
    if (!caseKey) return;
    this.busy.update((keys) => [...keys, key]);
    this.planError.set(false);
    this.view.update((view) => (view ? { ...view, actionPlan: withStepDone(view.actionPlan, key, done) } : view));
    try {
      this.view.set(
        await firstValueFrom(
          isSessionKey(caseKey) ? this.api.setPlanStepInSession(caseKey.session, { key, done }) : this.api.setPlanStep({ ...caseKey.credentials, key, done }),
        ),
      );
    } catch {
      this.planError.set(true);
      this.view.update((view) => (view ? { ...view, actionPlan: withStepDone(view.actionPlan, key, !done) } : view));
    } finally {
      this.busy.update((keys) => keys.filter((k) => k !== key));
    }
  }

  protected updated(view: CaseAccessView): void {
    this.view.set(view);
  }

  /** Opens the case's short-lived session with the reference and code (sent this once). */
  private async startConversation(credentials: CaseAccessRequest): Promise<void> {
    try {
      const opened = await firstValueFrom(this.conversationApi.openSession(credentials));
      this.session.write(CONVERSATION_SESSION_KEY, opened.sessionToken);
      this.conversationUnavailable.set(false);
      this.conversationSession.set(opened.sessionToken);
    } catch {
      this.conversationUnavailable.set(true);
    }
  }

  /**
   * The session ended (30 minutes unused, or ended elsewhere): open a fresh one while the code is
   * still in this page's memory; after a reload it is not, so the page closes and asks again.
   */
  protected conversationEnded(): void {
    this.session.remove(CONVERSATION_SESSION_KEY);
    this.conversationSession.set(null);
    const credentials = this.credentials();
    if (credentials) {
      void this.startConversation(credentials);
      return;
    }
    this.view.set(null);
    this.closedForSafety.set(true);
    this.focusAfterRender(() => this.signInHeading());
  }

  /** Forget the case on this device. */
  protected close(): void {
    const conversation = this.conversationSession();
    if (conversation) endConversationSession(conversation);
    this.session.remove(CONVERSATION_SESSION_KEY);
    this.conversationSession.set(null);
    this.credentials.set(null);
    this.view.set(null);
    this.focusAfterRender(() => this.signInHeading());
  }

  private focusAfterRender(target: () => ElementRef<HTMLElement> | undefined): void {
    afterNextRender(() => target()?.nativeElement.focus(), { injector: this.injector });
  }
}
