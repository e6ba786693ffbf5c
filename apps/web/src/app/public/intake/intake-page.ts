import { Location } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, DOCUMENT, ElementRef, Injector, afterNextRender, computed, inject, viewChild } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { loadContracts } from '../contracts/public-contract';
import { describeWait } from '../ui/http-problem';
import { fieldId } from '../ui/field-error';
import { IntakeStepId, fieldLabel } from './intake-errors';
import { IntakeWizard } from './intake-wizard';
import { AboutStep } from './steps/about-step';
import { ContactStep } from './steps/contact-step';
import { HappeningStep } from './steps/happening-step';
import { SafetyStep } from './steps/safety-step';
import { WhereStep } from './steps/where-step';
import { CrisisContacts } from '../resources/crisis-contacts';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { InertUntilReady } from '../ui/inert-until-ready';
import { isRecord } from '@sg/domain';

/** The heading of each screen: `person.intake.titles.<step>.you` or `.other` (someone filling it in for another). */
const titleKey = (step: IntakeStepId, other: boolean) => `person.intake.titles.${step}.${other ? 'other' : 'you'}`;

/** `/help`: the intake, one group of questions per screen. */
@Component({
  hostDirectives: [InertUntilReady],
  selector: 'sg-intake-page',
  imports: [ReactiveFormsModule, AboutStep, SafetyStep, HappeningStep, WhereStep, ContactStep, CrisisContacts, TranslatePipe],
  providers: [IntakeWizard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './intake-page.html',
  styles: `
    .progress-track {
      height: 8px;
      margin-bottom: 1.25rem;
      background: var(--line);
      border-radius: 4px;
      overflow: hidden;
    }
    .progress-bar {
      height: 100%;
      background: var(--accent);
      transition: width 0.25s ease-out;
    }
    .step-count {
      display: block;
      margin-bottom: 0.25rem;
      font-size: 1rem;
      font-weight: 600;
      color: var(--muted);
    }
    .step-title {
      display: block;
    }
    .wizard-nav {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      margin-top: 2rem;
      .button {
        flex: 1 1 9rem;
      }
    }
  `,
})
export class IntakePage {
  protected readonly wizard = inject(IntakeWizard);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');
  private readonly summary = viewChild<ElementRef<HTMLElement>>('summary');
  private readonly problem = viewChild<ElementRef<HTMLElement>>('problem');

  private readonly location = inject(Location);
  /** History entries this page added (one per Next), which its own Back button walks back through. */
  private pushedSteps = 0;

  protected readonly form = this.wizard.form;

  constructor() {
    // Each step is an entry in the tab's history, so the phone's Back button goes back a step
    // (not off the site, losing the place). The form's own Back moves within the current entry.
    this.location.replaceState(this.location.path(), '', { sgIntakeStep: this.wizard.step() });
    const subscription = this.location.subscribe((event) => {
      const state: unknown = event.state;
      const step = isRecord(state) ? state['sgIntakeStep'] : undefined;
      // Only backwards: forwards goes through Next, which checks the answers (and the safety step).
      if (typeof step === 'number' && step < this.wizard.step()) {
        this.pushedSteps = Math.max(0, this.pushedSteps - 1);
        while (this.wizard.step() > step) this.wizard.back();
        this.focusAfterRender(() => this.heading());
      }
    });
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }
  protected readonly isLast = computed(() => this.wizard.step() === this.wizard.stepCount - 1);
  protected readonly title = computed(() => titleKey(this.wizard.stepId(), this.wizard.forSomeoneElse()));
  protected readonly progress = computed(() => ((this.wizard.step() + 1) / this.wizard.stepCount) * 100);
  protected readonly errorList = computed(() => [
    ...Object.entries(this.wizard.errors()).map(([path, message]) => ({ path, label: fieldLabel(path), message })),
    ...this.wizard.generalErrors().map((message) => ({ path: null, label: null, message })),
  ]);
  protected readonly sending = computed(() => this.wizard.sendState().kind === 'sending');
  protected readonly wait = computed(() => describeWait(this.wizard.waitSeconds()));

  /** Fetch the answer checks as soon as someone starts answering, so Next never waits for them. */
  protected prefetchChecks(): void {
    // A failure here is not the person's problem yet: Next loads them again and says if it cannot.
    loadContracts().catch(() => undefined);
  }

  protected async onSubmit(): Promise<void> {
    if (!this.isLast()) {
      const outcome = await this.wizard.next();
      if (outcome === 'moved') {
        this.location.go(this.location.path(), '', { sgIntakeStep: this.wizard.step() });
        this.pushedSteps += 1;
        this.focusAfterRender(() => this.heading());
      } else if (outcome === 'invalid') this.focusAfterRender(() => this.summary());
      else if (outcome === 'problem') this.focusAfterRender(() => this.problem());
      return;
    }
    if (this.sending() || this.wizard.waitSeconds() > 0) return;
    const outcome = await this.wizard.submit();
    if (outcome === 'ignored') return;
    if (outcome === 'sent') {
      // replaceUrl: the finished form must not be one Back press away.
      await this.router.navigate(['/help/sent'], { replaceUrl: true });
    } else {
      this.focusAfterRender(outcome === 'invalid' ? () => this.summary() : () => this.problem());
    }
  }

  protected back(): void {
    // The same as the phone's Back while there are steps of ours in the history (popstate moves the form).
    if (this.pushedSteps > 0) return this.location.back();
    this.wizard.back();
    this.location.replaceState(this.location.path(), '', { sgIntakeStep: this.wizard.step() });
    this.focusAfterRender(() => this.heading());
  }

  protected focusField(path: string | null): void {
    if (!path) return;
    const element = this.document.getElementById(fieldId(path));
    // Radio groups have no element of their own: focus the first choice in the group.
    const target = element ?? this.document.querySelector<HTMLElement>(`[formcontrolname="${path.split('.').pop()}"]`);
    target?.focus();
  }

  private focusAfterRender(target: () => ElementRef<HTMLElement> | undefined): void {
    afterNextRender(
      () => {
        this.document.defaultView?.scrollTo({ top: 0 });
        target()?.nativeElement.focus();
      },
      { injector: this.injector },
    );
  }
}
