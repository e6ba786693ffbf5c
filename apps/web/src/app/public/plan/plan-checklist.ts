import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { ActionPlanStep, ActionPlanStepKey } from '@sg/domain';
import { TranslatePipe } from '../../system/i18n/translate.pipe';

export interface PlanStepToggle {
  key: ActionPlanStepKey;
  done: boolean;
}

/** The personal plan as a checklist; ticking a step asks the parent to save it. */
@Component({
  selector: 'sg-plan-checklist',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .plan-progress {
      font-weight: 600;
      color: var(--muted);
    }
    .plan {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .plan-step {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 0.85rem;
      align-items: start;
      padding: 0.9rem 0;
      border-bottom: 1px solid var(--line);
      input {
        width: 1.75rem;
        height: 1.75rem;
        margin: 0.5rem 0 0;
        accent-color: var(--accent);
      }
    }
    .plan-title {
      display: block;
      min-height: 44px;
      padding-top: 0.5rem;
      font-weight: 700;
      cursor: pointer;
    }
    .plan-number,
    .plan-done {
      color: var(--muted);
    }
    .plan-done {
      font-weight: 400;
    }
    .plan-detail {
      margin: 0.25rem 0 0;
    }
    .done .plan-detail {
      color: var(--muted);
    }
  `,
  template: `
    <p class="plan-progress" aria-live="polite">{{ 'person.plan.checklist.progress' | t: { done: doneCount(), total: steps().length } }}</p>
    <ol class="plan">
      @for (step of steps(); track step.key; let i = $index) {
        <li class="plan-step" [class.done]="step.done">
          <input
            type="checkbox"
            [id]="'plan-' + step.key"
            [checked]="step.done"
            [disabled]="busy().includes(step.key)"
            [attr.aria-describedby]="'plan-' + step.key + '-detail'"
            (change)="toggle(step.key, $event)"
          />
          <div>
            <label class="plan-title" [for]="'plan-' + step.key">
              <span class="plan-number">{{ i + 1 }}.</span> {{ step.title | t }}
              @if (step.done) {
                <span class="plan-done"> {{ 'person.plan.checklist.done' | t }}</span>
              }
            </label>
            <p class="plan-detail" [id]="'plan-' + step.key + '-detail'">{{ step.detail | t }}</p>
            @if (step.key === 'get_safe_now' && crisisHref()) {
              <p class="plan-detail">
                <a [href]="crisisHref()" (click)="jump($event)">{{ 'person.plan.checklist.seeWhoToCall' | t }}</a>
              </p>
            }
          </div>
        </li>
      }
    </ol>
  `,
})
export class PlanChecklist {
  readonly steps = input.required<readonly ActionPlanStep[]>();
  /** Steps being saved right now: their boxes wait for the answer. */
  readonly busy = input<readonly ActionPlanStepKey[]>([]);
  readonly toggled = output<PlanStepToggle>();
  /** Where the page's crisis contacts are (an in-page anchor): "Get safe now" links to them. */
  readonly crisisHref = input<string | null>(null);

  /** In-page jump that works with the router's base href, and moves focus for screen readers. */
  protected jump(event: Event): void {
    const target = document.getElementById((this.crisisHref() ?? '').replace(/^#/, ''));
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }

  protected readonly doneCount = computed(() => this.steps().filter((step) => step.done).length);

  /** The parent shows the tick at once (withStepDone) and takes it back if saving fails. */
  protected toggle(key: ActionPlanStepKey, event: Event): void {
    const box = event.target;
    if (box instanceof HTMLInputElement) this.toggled.emit({ key, done: box.checked });
  }
}

/** The plan with one step ticked or unticked, for showing a tick before the server confirms it. */
export function withStepDone<T extends { key: ActionPlanStepKey; done: boolean }>(steps: readonly T[], key: ActionPlanStepKey, done: boolean): T[] {
  return steps.map((step) => (step.key === key ? { ...step, done } : step));
}
