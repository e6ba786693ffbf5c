import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder } from '@angular/forms';
import type { IntakeResponse, ParsedIntakeRequest } from '@sg/contracts';
import type { Translatable } from '@sg/domain';
import { firstValueFrom } from 'rxjs';
import { I18n } from '../../system/i18n/i18n';
import { loadContracts } from '../contracts/public-contract';
import { VisitorCountry } from '../country/visitor-country';
import { IntakeResult } from '../result/intake-result';
import { HttpProblem, toHttpProblem } from '../ui/http-problem';
import { IntakeAnswers, consentProblems, needsCrisisHelp, browserTimeZone, toIntakeRequest } from './intake-answers';
import { IntakeApi } from './intake-api';
import { FieldErrors, INTAKE_STEPS, MappedErrors, mapRequestErrors, stepOfFormPath } from './intake-errors';
import { buildIntakeForm, restoreAnswers } from './intake-form';
import { IntakeSession } from './intake-session';
import { itemAt } from '@sg/domain';

export type SendState = { kind: 'idle' } | { kind: 'sending' } | { kind: 'problem'; problem: Exclude<HttpProblem, { kind: 'invalid' }>; at: number };

/** `ignored`: pressed again while the first press was still checking the answers. */
export type NextOutcome = 'moved' | 'invalid' | 'problem' | 'ignored';
export type SubmitOutcome = 'sent' | 'invalid' | 'problem' | 'ignored';

const BUSY_RETRIES = 4;
const BUSY_RETRY_DELAY_MS = 1500;

type Check = { ok: true; request: ParsedIntakeRequest } | ({ ok: false } & MappedErrors);

/**
 * The state of one person's way through the form: the answers (kept in the tab as they type),
 * which screen they are on, what needs fixing, and sending. Provided by the intake page, so it
 * lives exactly as long as the page.
 */
@Injectable()
export class IntakeWizard {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly session = inject(IntakeSession);
  private readonly api = inject(IntakeApi);
  private readonly result = inject(IntakeResult);
  private readonly visitorCountry = inject(VisitorCountry);
  private readonly destroyRef = inject(DestroyRef);
  private readonly i18n = inject(I18n);

  readonly form = buildIntakeForm(this.fb);
  readonly stepCount = INTAKE_STEPS.length;

  private readonly currentStep = signal(0);
  private readonly value = signal<IntakeAnswers>(this.form.getRawValue());
  private readonly fieldErrors = signal<FieldErrors>({});
  private readonly formErrors = signal<Translatable[]>([]);
  private readonly state = signal<SendState>({ kind: 'idle' });
  private readonly checking = signal(false);
  private readonly checkFailed = signal(false);
  private readonly clock = signal(Date.now());
  private ticker: ReturnType<typeof setInterval> | undefined;
  private finished = false;

  readonly step = this.currentStep.asReadonly();
  readonly stepId = computed(() => itemAt(INTAKE_STEPS, this.currentStep(), 'intake step'));
  readonly answers = this.value.asReadonly();
  readonly errors = this.fieldErrors.asReadonly();
  readonly generalErrors = this.formErrors.asReadonly();
  readonly sendState = this.state.asReadonly();
  /** The answer checks could not be loaded (offline on a slow phone): Next did nothing. */
  readonly checkProblem = this.checkFailed.asReadonly();
  readonly showCrisis = computed(() => needsCrisisHelp(this.value().safety));
  readonly forSomeoneElse = computed(() => {
    const who = this.value().about.submittedBy;
    return who === 'parent_or_guardian' || who === 'trusted_adult';
  });
  /** Seconds left before the server will take another try, after a 429. */
  readonly waitSeconds = computed(() => {
    const state = this.state();
    if (state.kind !== 'problem' || state.problem.kind !== 'rate-limited') return 0;
    const until = state.at + state.problem.retryAfterSeconds * 1000;
    return Math.max(0, Math.ceil((until - this.clock()) / 1000));
  });

  constructor() {
    const saved = this.session.load();
    restoreAnswers(this.form, this.fb, saved?.answers ?? null, this.visitorCountry.country());
    this.value.set(this.form.getRawValue());
    this.currentStep.set(Math.min(Math.max(0, Math.trunc(saved?.step ?? 0)), this.stepCount - 1));

    this.form.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => {
      const answers = this.form.getRawValue();
      this.value.set(answers);
      if (answers.where.country) this.visitorCountry.set(answers.where.country);
      this.persist();
    });
    this.destroyRef.onDestroy(() => clearInterval(this.ticker));
  }

  /** Changed from the crisis panel: the form's own country question follows. */
  setCountry(country: string): void {
    this.form.controls.where.controls.country.setValue(country);
  }

  goTo(step: number): void {
    this.currentStep.set(Math.min(Math.max(0, step), this.stepCount - 1));
    this.persist();
  }

  back(): void {
    this.fieldErrors.set({});
    this.formErrors.set([]);
    this.checkFailed.set(false);
    this.goTo(this.currentStep() - 1);
  }

  /** Moves on unless something typed on this screen cannot be sent as it is. Skipping is fine. */
  async next(): Promise<NextOutcome> {
    // A double tap while the checks load must not move two screens and skip "are you safe".
    if (this.checking()) return 'ignored';
    const step = this.currentStep();
    const check = await this.guardedCheck();
    this.checkFailed.set(!check);
    if (!check) return 'problem';
    // Back was pressed while the answers were being checked: stay where the person is now.
    if (this.currentStep() !== step) return 'ignored';
    const here = check.ok ? {} : Object.fromEntries(Object.entries(check.fields).filter(([path]) => stepOfFormPath(path) === step));
    this.fieldErrors.set(here);
    this.formErrors.set([]);
    if (Object.keys(here).length > 0) return 'invalid';
    this.goTo(step + 1);
    return 'moved';
  }

  async submit(): Promise<SubmitOutcome> {
    if (this.checking() || this.state().kind === 'sending') return 'ignored';
    const check = await this.guardedCheck();
    if (!check) {
      this.state.set({ kind: 'problem', problem: { kind: 'unreachable' }, at: Date.now() });
      return 'problem';
    }
    if (!check.ok) return this.showErrors(check);

    this.state.set({ kind: 'sending' });
    try {
      const response = await this.send(check.request);
      this.finished = true;
      this.session.clear();
      this.result.set(response);
      this.state.set({ kind: 'idle' });
      return 'sent';
    } catch (error) {
      const problem = toHttpProblem(error);
      if (problem.kind === 'invalid') {
        this.state.set({ kind: 'idle' });
        return this.showErrors(mapRequestErrors(problem.errors, this.value()));
      }
      this.state.set({ kind: 'problem', problem, at: Date.now() });
      if (problem.kind === 'rate-limited') this.startClock();
      return 'problem';
    }
  }

  private async send(request: ParsedIntakeRequest, attempt = 1): Promise<IntakeResponse> {
    try {
      return await firstValueFrom(this.api.submit(request, this.session.idempotencyKey()));
    } catch (error) {
      const problem = toHttpProblem(error).kind;
      if (problem === 'busy' && attempt < BUSY_RETRIES) {
        // The same answers are still being saved from an earlier try: ask again with the same
        // key, which returns that case rather than making a second one.
        await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_DELAY_MS));
        return this.send(request, attempt + 1);
      }
      if (problem === 'key-reused' && attempt === 1) {
        // The key went with different answers (they edited after a lost reply): this is a new
        // submission, so it gets a new key.
        this.session.newIdempotencyKey();
        return this.send(request, attempt + 1);
      }
      throw error;
    }
  }

  /** The check, one at a time; null when its code could not be loaded (the connection dropped). */
  private async guardedCheck(): Promise<Check | null> {
    this.checking.set(true);
    try {
      return await this.check();
    } catch {
      return null;
    } finally {
      this.checking.set(false);
    }
  }

  private async check(): Promise<Check> {
    const { intakeRequestSchema, formatFieldPath } = await loadContracts();
    const answers = this.value();
    const parsed = intakeRequestSchema.safeParse(toIntakeRequest(answers, browserTimeZone(), this.i18n.language()));
    const issues = [
      // The code and limit travel with the English message, so the person reads it in their language.
      ...(parsed.success
        ? []
        : parsed.error.issues.map((issue) => ({
            path: formatFieldPath(issue.path),
            message: issue.message,
            code: issue.code,
            ...(issue.code === 'too_big' ? { origin: issue.origin, maximum: Number(issue.maximum) } : {}),
            ...(issue.code === 'custom' && typeof issue.params?.['reason'] === 'string' ? { reason: issue.params['reason'] } : {}),
          }))),
      ...consentProblems(answers),
    ];
    if (parsed.success && issues.length === 0) return { ok: true, request: parsed.data };
    return { ok: false, ...mapRequestErrors(issues, answers) };
  }

  private showErrors(errors: MappedErrors): 'invalid' {
    this.fieldErrors.set(errors.fields);
    this.formErrors.set(errors.general);
    if (errors.firstStep !== null) this.goTo(errors.firstStep);
    return 'invalid';
  }

  private startClock(): void {
    clearInterval(this.ticker);
    this.clock.set(Date.now());
    this.ticker = setInterval(() => {
      this.clock.set(Date.now());
      if (this.waitSeconds() === 0) clearInterval(this.ticker);
    }, 1000);
  }

  private persist(): void {
    // After a successful send the answers are gone for good; a late change must not bring them back.
    if (this.finished) return;
    this.session.save({ step: this.currentStep(), answers: this.value() });
  }
}
