import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ReplyNotice } from '../ui/reply-notice';
import { ActionPlanStepKey, emergencyNumberText, Translatable } from '@sg/domain';
import { I18n } from '../../system/i18n/i18n';
import { firstValueFrom } from 'rxjs';
import { CaseAccessApi } from '../my-case/case-access-api';
import { PlanChecklist, PlanStepToggle, withStepDone } from '../plan/plan-checklist';
import { ContactText } from '../resources/contact-text';
import { isEmergencyServices, isWorldwideEmergencyEntry } from '../resources/emergency-entries';
import { ResourceGroups } from '../resources/resource-groups';
import { contactChoiceText } from '../ui/contact-choice-text';
import { CopyCode } from '../ui/copy-code';
import { IntakeResult } from './intake-result';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { LocalPathPipe } from '../language/local-path.pipe';

/**
 * `/help/sent`: what the person needs right after sending: the code, who to call (at the top for
 * anyone who reported risk), the plan. After a reload in the same tab the plan and the contacts
 * stay; the code does not (it is shown once, and never stored).
 */
@Component({
  selector: 'sg-result-page',
  imports: [RouterLink, CopyCode, PlanChecklist, ResourceGroups, ContactText, ReplyNotice, TranslatePipe, LocalPathPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './result-page.html',
})
export class ResultPage {
  private readonly result = inject(IntakeResult);
  private readonly caseAccess = inject(CaseAccessApi);
  private readonly i18n = inject(I18n);

  /** With the access code: only right after sending. */
  protected readonly response = this.result.response;
  /** Without the code: also after a reload. */
  protected readonly shown = this.result.shown;
  protected readonly busy = signal<ActionPlanStepKey[]>([]);
  protected readonly planError = signal(false);
  protected readonly firstResponse = computed(() => this.shown()?.firstResponseWithin ?? null);
  /** The first-response target in the page language: contactChoiceText puts it into its sentence as words. */
  private readonly withinText = (within: Translatable | null) => (within ? this.i18n.text(within) : null);
  protected readonly contactText = computed(() => contactChoiceText(this.shown()?.contact, this.withinText(this.firstResponse())));
  /** "999, or 112 from a mobile" with its words in the page's language. */
  protected readonly emergencyNumber = computed(() => {
    const numbers = emergencyNumberText(this.shown()?.country);
    return numbers ? this.i18n.text(numbers) : undefined;
  });
  /** The crisis lines; a worldwide "call your local emergency number" gives way to the country's number. */
  protected readonly crisis = computed(() =>
    (this.shown()?.resources ?? [])
      .filter((resource) => resource.purpose === 'crisis')
      .filter((resource) => !(this.emergencyNumber() && isWorldwideEmergencyEntry(resource))),
  );
  /** The built-in number, unless an "Emergency services" line from the directory is on screen already. */
  protected readonly showEmergencyLine = computed(() => !this.crisis().some(isEmergencyServices));
  protected readonly otherResources = computed(() => (this.shown()?.resources ?? []).filter((resource) => resource.purpose !== 'crisis'));
  /** After a reload there is no code to save ticks with: the plan is shown, its boxes wait. */
  protected readonly lockedSteps = computed(() => (this.response() ? this.busy() : (this.shown()?.actionPlan ?? []).map((step) => step.key)));

  protected async toggle({ key, done }: PlanStepToggle): Promise<void> {
    const response = this.response();
    if (!response) return;
    this.busy.update((keys) => [...keys, key]);
    this.planError.set(false);
    this.result.update((current) => ({ ...current, actionPlan: withStepDone(current.actionPlan, key, done) }));
    try {
      const view = await firstValueFrom(this.caseAccess.setPlanStep({ reference: response.reference, accessCode: response.accessCode, key, done }));
      this.result.update((current) => ({ ...current, actionPlan: view.actionPlan }));
    } catch {
      this.planError.set(true);
      this.result.update((current) => ({ ...current, actionPlan: withStepDone(current.actionPlan, key, !done) }));
    } finally {
      this.busy.update((keys) => keys.filter((k) => k !== key));
    }
  }
}
