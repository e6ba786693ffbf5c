import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ActionPlanStepKey } from '@sg/domain';
import { firstValueFrom } from 'rxjs';
import { CaseAccessApi } from '../my-case/case-access-api';
import { PlanChecklist, PlanStepToggle, withStepDone } from '../plan/plan-checklist';
import { ResourceGroups } from '../resources/resource-groups';
import { contactChoiceText } from '../ui/contact-choice-text';
import { CopyCode } from '../ui/copy-code';
import { IntakeResult } from './intake-result';

/** `/help/sent`: what the person needs right after sending: the code, the plan, who to call. */
@Component({
  selector: 'sg-result-page',
  imports: [RouterLink, CopyCode, PlanChecklist, ResourceGroups],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './result-page.html',
})
export class ResultPage {
  private readonly result = inject(IntakeResult);
  private readonly caseAccess = inject(CaseAccessApi);

  protected readonly response = this.result.response;
  protected readonly busy = signal<ActionPlanStepKey[]>([]);
  protected readonly planError = signal(false);
  protected readonly firstResponse = computed(() => this.response()?.firstResponseWithin ?? null);
  protected readonly contactText = computed(() => contactChoiceText(this.response()?.contact, this.firstResponse()));

  protected async toggle({ key, done }: PlanStepToggle): Promise<void> {
    const response = this.response();
    if (!response) return;
    this.busy.update((keys) => [...keys, key]);
    this.planError.set(false);
    this.result.update((current) => ({ ...current, actionPlan: withStepDone(current.actionPlan, key, done) }));
    try {
      const view = await firstValueFrom(
        this.caseAccess.setPlanStep({ reference: response.reference, accessCode: response.accessCode, key, done }),
      );
      this.result.update((current) => ({ ...current, actionPlan: view.actionPlan }));
    } catch {
      this.planError.set(true);
      this.result.update((current) => ({ ...current, actionPlan: withStepDone(current.actionPlan, key, !done) }));
    } finally {
      this.busy.update((keys) => keys.filter((k) => k !== key));
    }
  }
}
