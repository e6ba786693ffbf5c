import { MAX_ALIAS_LENGTH, MAX_NARRATIVE_LENGTH, TEXT_LIMITS } from '@sg/contracts';
import { Clipboard } from '@angular/cdk/clipboard';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormArray, FormBuilder, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { FieldError, IntakeRequest, IntakeResponse } from '@sg/contracts';
import {
  AgeBand,
  CONTACT_CHANNELS,
  COUNTRY_CODES,
  ContactChannel,
  ContentPostedAnswer,
  DEMANDS,
  INTAKE_CHANNELS,
  IntakeChannel,
  SUBMITTERS,
  SelfHarmAnswer,
  Submitter,
  recordOf,
} from '@sg/domain';
import { catchError, finalize, map, of } from 'rxjs';
import { I18n } from '../../system/i18n/i18n';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { AuthSession } from '../auth/auth-session';
import { fromDateTimeLocal, fromTriState } from '../case/sections/datetime-local';
import { FactField, FactsFields, INTAKE_FACT_WORDS } from '../case/sections/facts-fields';
import { CasesApi } from '../data-access/cases-api';
import { StaffIntakeApi } from '../data-access/staff-intake-api';
import { LiveUpdates } from '../live/live-updates';
import { applyServerErrors, controlErrors, problemMessage, validationErrors } from '../ui/http-errors';
import { CONTACT_CHANNEL_LABELS, DEMAND_LABELS, INTAKE_CHANNEL_LABELS, SUBMITTER_LABELS, countryName } from '../ui/labels';

type TriState = '' | 'yes' | 'no';
/** A yes/no question not answered yet (typed as the union, so its control takes yes and no). */
const NOT_SAID: TriState = '';

const options = <T extends string>(values: readonly T[], labels: Readonly<Record<T, string>>) => values.map((value) => ({ value, label: labels[value] }));

/**
 * A caseworker records an intake from a phone call or chat: the same contract as the public form,
 * on one dense page (the caller is on the line; no wizard). The answer's reference and access code
 * are read out to the caller.
 */
@Component({
  selector: 'sg-staff-intake-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormField,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    MatCheckbox,
    MatError,
    MatHint,
    MatButton,
    TranslatePipe,
    FactsFields,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './staff-intake-page.html',
  styleUrl: './staff-intake-page.scss',
})
export class StaffIntakePage {
  private readonly api = inject(StaffIntakeApi);
  private readonly cases = inject(CasesApi);
  private readonly session = inject(AuthSession);
  private readonly live = inject(LiveUpdates);
  private readonly clipboard = inject(Clipboard);
  private readonly i18n = inject(I18n);
  private readonly fb = inject(FormBuilder).nonNullable;
  private idempotencyKey = newKey();
  /** Empty rows are not sent, so a server path like platforms[0] may mean another row on screen. */
  private sentRows = { platforms: [] as number[], contentUrls: [] as number[] };

  protected readonly submitters = options(SUBMITTERS, SUBMITTER_LABELS);
  protected readonly channels = options(INTAKE_CHANNELS, INTAKE_CHANNEL_LABELS);
  protected readonly demandOptions = options(DEMANDS, DEMAND_LABELS);
  protected readonly factWords = INTAKE_FACT_WORDS;
  protected readonly safetyFacts: readonly FactField[] = ['immediateDanger', 'selfHarm', 'ageBand', 'contentMadeUnder18'];
  protected readonly happeningFacts: readonly FactField[] = ['deadlineAt', 'contentPosted', 'stillInContact', 'paid'];
  protected readonly contactChannels = options(CONTACT_CHANNELS, CONTACT_CHANNEL_LABELS);
  protected readonly countries = computed(() =>
    [...COUNTRY_CODES].map((code) => ({ value: code, label: countryName(code, this.i18n.language()) })).sort((a, b) => a.label.localeCompare(b.label)),
  );
  protected readonly error = controlErrors();

  protected readonly form = this.fb.group({
    submittedBy: ['victim' as Submitter, Validators.required],
    channel: ['phone' as IntakeChannel, Validators.required],
    alias: ['', Validators.maxLength(MAX_ALIAS_LENGTH)],
    ageBand: ['unknown' as AgeBand, Validators.required],
    contentMadeUnder18: NOT_SAID,
    country: ['', Validators.required],
    selfHarm: ['prefer_not_to_say' as SelfHarmAnswer, Validators.required],
    immediateDanger: false,
    deadlineAt: '',
    demands: this.fb.group(recordOf(DEMANDS, () => false)),
    contentPosted: ['unknown' as ContentPostedAnswer, Validators.required],
    stillInContact: NOT_SAID,
    paid: NOT_SAID,
    platforms: this.fb.array([this.platformGroup()]),
    contentUrls: this.fb.array<FormControl<string>>([]),
    narrative: ['', Validators.maxLength(MAX_NARRATIVE_LENGTH)],
    transcript: ['', Validators.maxLength(TEXT_LIMITS.transcript)],
    contact: this.fb.group({
      channel: ['none' as ContactChannel, Validators.required],
      value: ['', Validators.maxLength(TEXT_LIMITS.contactValue)],
      safeTimes: ['', Validators.maxLength(TEXT_LIMITS.safeTimes)],
      canMentionOrganisation: false,
    }),
    consent: this.fb.group({
      storeData: [false, Validators.requiredTrue],
      contactMe: false,
    }),
  });

  protected readonly saving = signal(false);
  protected readonly problems = signal<FieldError[]>([]);
  protected readonly result = signal<IntakeResponse | null>(null);
  protected readonly caseId = signal<string | null | undefined>(undefined);
  protected readonly copied = signal<'reference' | 'accessCode' | null>(null);
  protected readonly searchQueue = computed(() => (this.session.hasRole('supervisor', 'admin') ? 'all' : 'unassigned'));

  get platforms(): FormArray<FormGroup<{ platform: FormControl<string>; offenderHandle: FormControl<string>; profileUrl: FormControl<string> }>> {
    return this.form.controls.platforms;
  }

  get contentUrls(): FormArray<FormControl<string>> {
    return this.form.controls.contentUrls;
  }

  protected addPlatform(): void {
    this.platforms.push(this.platformGroup());
  }

  protected removePlatform(index: number): void {
    this.platforms.removeAt(index);
  }

  protected addContentUrl(): void {
    this.contentUrls.push(this.fb.control('', Validators.maxLength(TEXT_LIMITS.url)));
  }

  protected removeContentUrl(index: number): void {
    this.contentUrls.removeAt(index);
  }

  protected submit(): void {
    this.problems.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.problems.set([{ path: '', message: this.i18n.t('staff.intake.needLook') }]);
      return;
    }
    this.saving.set(true);
    this.api
      .submit(this.toRequest(), this.idempotencyKey)
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (response) => {
          this.result.set(response);
          this.live.changed();
          if (response.caseId) this.caseId.set(response.caseId);
          else this.findCase(response.reference);
        },
        error: (error: unknown) => {
          const fieldErrors = validationErrors(error);
          if (error instanceof HttpErrorResponse && error.status === 422) {
            // The key already went with other answers: an earlier try was saved but its answer
            // was lost, and the form was edited since. The same key can never work again, so a
            // deliberate resubmit gets a new one, after the caseworker has looked for the case.
            this.idempotencyKey = newKey();
            const handle = this.form
              .getRawValue()
              .platforms.map((row) => row.offenderHandle.trim())
              .find(Boolean);
            this.problems.set([{ path: '', message: maybeSavedMessage(this.i18n, handle) }]);
          } else if (fieldErrors) {
            const rest = applyServerErrors(
              this.form,
              fieldErrors.map((problem) => ({ ...problem, path: this.formPath(problem.path) })),
            );
            this.problems.set(rest.length ? rest : [{ path: '', message: this.i18n.t('staff.intake.needLook') }]);
          } else {
            this.problems.set([{ path: '', message: problemMessage(this.i18n, error, this.i18n.t('staff.intake.saveFailed')) }]);
          }
        },
      });
  }

  /** `what` names the catalogue key of the sentence saying it was copied. */
  protected copy(text: string, what: 'reference' | 'accessCode'): void {
    if (this.clipboard.copy(text)) this.copied.set(what);
  }

  protected startAnother(): void {
    this.result.set(null);
    this.caseId.set(undefined);
    this.copied.set(null);
    this.idempotencyKey = newKey();
    this.form.reset();
    this.platforms.clear();
    this.addPlatform();
    this.contentUrls.clear();
  }

  private platformGroup() {
    return this.fb.group({
      platform: ['', Validators.maxLength(TEXT_LIMITS.platform)],
      offenderHandle: ['', Validators.maxLength(TEXT_LIMITS.offenderHandle)],
      profileUrl: ['', Validators.maxLength(TEXT_LIMITS.url)],
    });
  }

  /** The intake answer names the reference only; find the case's id for a direct link. */
  private findCase(reference: string): void {
    this.cases
      .list({ queue: this.searchQueue(), q: reference, limit: 5 })
      .pipe(
        map((response) => response.items.find((item) => item.reference === reference)?.id ?? null),
        catchError(() => of(null)),
      )
      .subscribe((id) => this.caseId.set(id));
  }

  private formPath(path: string): string {
    return path.replace(/^(platforms|contentUrls)\[(\d+)\]/, (whole, list: 'platforms' | 'contentUrls', index: string) => {
      const row = this.sentRows[list][Number(index)];
      return row === undefined ? whole : `${list}[${row}]`;
    });
  }

  private toRequest(): IntakeRequest {
    const value = this.form.getRawValue();
    const text = (input: string) => input.trim() || undefined;
    const platformRows = value.platforms
      .map((entry, row) => ({ entry, row }))
      .filter(({ entry }) => entry.platform.trim() || entry.offenderHandle.trim() || entry.profileUrl.trim());
    const urlRows = value.contentUrls.map((url, row) => ({ url: url.trim(), row })).filter(({ url }) => url);
    this.sentRows = { platforms: platformRows.map(({ row }) => row), contentUrls: urlRows.map(({ row }) => row) };
    return {
      submittedBy: value.submittedBy,
      channel: value.channel,
      alias: text(value.alias),
      ageBand: value.ageBand,
      contentMadeUnder18: fromTriState(value.contentMadeUnder18),
      country: value.country,
      selfHarm: value.selfHarm,
      immediateDanger: value.immediateDanger,
      deadlineAt: fromDateTimeLocal(value.deadlineAt),
      demands: DEMANDS.filter((demand) => value.demands[demand]),
      contentPosted: value.contentPosted,
      stillInContact: fromTriState(value.stillInContact),
      paid: fromTriState(value.paid),
      platforms: platformRows.map(({ entry }) => ({
        platform: entry.platform.trim(),
        offenderHandle: text(entry.offenderHandle),
        profileUrl: text(entry.profileUrl),
      })),
      contentUrls: urlRows.map(({ url }) => url),
      narrative: text(value.narrative),
      transcript: value.channel === 'web' ? undefined : text(value.transcript),
      contact: {
        channel: value.contact.channel,
        value: value.contact.channel === 'none' ? undefined : text(value.contact.value),
        safeTimes: text(value.contact.safeTimes),
        canMentionOrganisation: value.contact.canMentionOrganisation,
      },
      consent: { storeData: true, contactMe: value.consent.contactMe },
    };
  }
}

function maybeSavedMessage(i18n: I18n, handle: string | undefined): string {
  const search = handle ? i18n.t('staff.intake.maybeSaved.searchHandle', { handle }) : i18n.t('staff.intake.maybeSaved.searchReference');
  return i18n.t('staff.intake.maybeSaved.message', { search });
}

function newKey(): string {
  return `staff-intake-${crypto.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`}`;
}
