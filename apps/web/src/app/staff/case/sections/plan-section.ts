import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatCheckbox, MatCheckboxChange } from '@angular/material/checkbox';
import type { ActionPlanStepKey } from '@sg/domain';
import { finalize } from 'rxjs';
import { CaseStore } from '../case-store';
import { WhenPipe } from '../../ui/when';
import { TranslatePipe } from '../../../system/i18n/translate.pipe';

/** The action plan as a checklist; each tick is saved at once. */
@Component({
  selector: 'sg-plan-section',
  imports: [WhenPipe, TranslatePipe, MatCheckbox],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './section.scss',
  template: `
    @if (store.detail(); as c) {
      <p class="hint">{{ 'staff.case.plan.progress' | t: { done: doneCount(), total: c.actionPlan.length } }}</p>
      <ul class="plan">
        @for (step of c.actionPlan; track step.key) {
          <li [class.done]="step.done">
            <mat-checkbox [checked]="step.done" [disabled]="saving() === step.key" (change)="toggle(step.key, $event)">
              <span class="title">{{ step.title | t }}</span>
            </mat-checkbox>
            <p class="detail">{{ step.detail | t }}</p>
            @if (step.done && step.doneAt) {
              <p class="meta">{{ 'staff.case.plan.doneAt' | t: { at: (step.doneAt | when) } }}</p>
            }
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .plan {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 2px;
    }
    .plan li {
      padding: 2px 8px 4px;
      border-radius: 6px;
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .plan li.done {
      background: var(--mat-sys-surface-container-low);
    }
    .title {
      font: var(--mat-sys-title-small);
    }
    .done .title {
      text-decoration: line-through;
      text-decoration-thickness: 1px;
    }
    .detail {
      margin: 0 0 0 40px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .meta {
      margin: 2px 0 0 40px;
    }
  `,
})
export class PlanSection {
  protected readonly store = inject(CaseStore);
  protected readonly saving = signal<ActionPlanStepKey | null>(null);
  protected readonly doneCount = computed(() => this.store.detail()?.actionPlan.filter((step) => step.done).length ?? 0);

  protected toggle(key: ActionPlanStepKey, change: MatCheckboxChange): void {
    let saved = false;
    this.saving.set(key);
    this.store
      .setPlanStep(key, change.checked)
      .pipe(
        finalize(() => {
          this.saving.set(null);
          // The box ticked itself on click; when the save failed (the store has said why), it
          // must show what is saved again. Its [checked] binding has not changed, so it will not.
          if (!saved) change.source.checked = this.isDone(key);
        }),
      )
      .subscribe({ next: () => (saved = true), error: () => this.store.reload() });
  }

  private isDone(key: ActionPlanStepKey): boolean {
    return this.store.detail()?.actionPlan.find((step) => step.key === key)?.done ?? false;
  }
}
