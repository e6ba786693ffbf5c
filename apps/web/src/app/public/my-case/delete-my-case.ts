import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { API_PREFIX, API_ROUTES, RETENTION_PATHS } from '@sg/contracts';
import type { CaseDeletionRequest, CaseDeletionStatus } from '@sg/contracts';
import { firstValueFrom } from 'rxjs';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { DateTimePipe } from '../../system/i18n/date-time.pipe';

const BASE = `/${API_PREFIX}/${API_ROUTES.caseAccess}`;

/** What went wrong, in the words the section shows (`person.myCase.deletion.*`). */
type DeletionProblem = 'noCode' | 'wrongCode' | 'onHold' | 'failed' | null;

/**
 * "Delete my case" on /my-case: the person types their access code again (so a phone picked up by
 * someone else cannot delete it in one tap), asks, and can change their mind during the cooling-off.
 * The code is kept in this component's memory only while the page is open.
 */
@Component({
  selector: 'sg-delete-my-case',
  imports: [ReactiveFormsModule, TranslatePipe, DateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p>{{ 'person.myCase.deletion.lead' | t: { days: coolingOffDays() } }}</p>
    @if (status(); as status) {
      @if (status.state === 'pending' && status.executeAfter) {
        <p role="status" data-testid="deletion-pending">{{ 'person.myCase.deletion.pending' | t: { date: (status.executeAfter | dateTime: 'date') } }}</p>
        <button type="button" class="button secondary" [disabled]="sending()" (click)="keep()">{{ 'person.myCase.deletion.keep' | t }}</button>
      } @else if (status.state === 'none') {
        <p role="status">{{ 'person.myCase.deletion.kept' | t }}</p>
      }
    }
    @if (status()?.state !== 'pending') {
      <form [formGroup]="form" (ngSubmit)="ask()">
        <div class="field">
          <label for="f-delete-code">{{ 'person.myCase.deletion.codeLabel' | t }}</label>
          <p class="hint" id="f-delete-code-hint">{{ 'person.myCase.deletion.codeHint' | t }}</p>
          <input
            id="f-delete-code"
            type="text"
            formControlName="accessCode"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            aria-describedby="f-delete-code-hint"
          />
        </div>
        <button type="submit" class="button secondary" [disabled]="sending()">
          {{ (sending() ? 'person.myCase.deletion.sending' : 'person.myCase.deletion.ask') | t }}
        </button>
      </form>
    }
    <div role="alert">
      @if (problem(); as problem) {
        <p class="field-error">{{ 'person.myCase.deletion.' + problem | t }}</p>
      }
    </div>
  `,
})
export class DeleteMyCase {
  private readonly http = inject(HttpClient);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly reference = input.required<string>();
  /** The server's cooling-off once known; 7 (its default) until then. */
  protected readonly coolingOffDays = signal(7);
  protected readonly form = this.fb.group({ accessCode: this.fb.control('') });
  protected readonly status = signal<CaseDeletionStatus | null>(null);
  protected readonly problem = signal<DeletionProblem>(null);
  protected readonly sending = signal(false);
  private accessCode = '';

  protected async ask(): Promise<void> {
    this.accessCode = this.form.controls.accessCode.value.trim();
    // Nothing typed is not a wrong code: say what to do instead of "that code does not match".
    if (!this.accessCode) {
      this.problem.set('noCode');
      return;
    }
    await this.send(RETENTION_PATHS.deletion);
  }

  protected async keep(): Promise<void> {
    await this.send(RETENTION_PATHS.deletionCancel);
  }

  private async send(path: string): Promise<void> {
    if (this.sending()) return;
    this.sending.set(true);
    this.problem.set(null);
    try {
      const body: CaseDeletionRequest = { reference: this.reference(), accessCode: this.accessCode };
      const status = await firstValueFrom(this.http.post<CaseDeletionStatus>(`${BASE}/${path}`, body));
      this.status.set(status);
      this.coolingOffDays.set(status.coolingOffDays);
      if (status.state === 'on_hold') this.problem.set('onHold');
      if (status.state === 'none') this.form.reset();
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.sending.set(false);
    }
  }
}

function problemOf(error: unknown): DeletionProblem {
  if (!(error instanceof HttpErrorResponse)) return 'failed';
  if (error.status === 400 || error.status === 404) return 'wrongCode';
  if (error.status === 409) return 'onHold';
  return 'failed';
}
