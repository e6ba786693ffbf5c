import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormArray, FormBuilder, FormGroup, FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { FieldError, OrganisationHours } from '@sg/contracts';
import { DEFAULT_OPENING_HOURS, validateOpeningHours, itemAt } from '@sg/domain';
import { finalize, map, startWith } from 'rxjs';
import { I18n } from '../../system/i18n/i18n';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { WhenPipe } from '../ui/when';
import { OrganisationHoursApi } from '../data-access/organisation-hours-api';
import { Clock } from '../ui/clock';
import { applyServerErrors, controlErrors, problemMessage, validationErrors } from '../ui/http-errors';
import { OpeningHoursFormValue, WEEKDAY_KEYS, describeNow, timeZoneOptions, toFormErrors, toFormValue, toOpeningHours } from './opening-hours-form';

type SlotGroup = FormGroup<{ opens: FormControl<string>; closes: FormControl<string> }>;
type DayGroup = FormGroup<{ slots: FormArray<SlotGroup> }>;
type HolidayGroup = FormGroup<{ date: FormControl<string>; name: FormControl<string> }>;

/**
 * Admins: the organisation's time zone, weekly opening hours and holidays. `high` and `standard`
 * targets count only these hours, and people who ask for help are told when to expect a reply from
 * them. Every save is audited. The rules are the domain's (validateOpeningHours), checked here
 * before sending and again by the API, with the same words on the same field.
 */
@Component({
  selector: 'sg-opening-hours-page',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatError, MatHint, MatButton, MatCheckbox, WhenPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './admin-page.scss',
  template: `
    <div class="page">
      <h1>{{ 'staff.admin.hours.title' | t }}</h1>
      <p class="lead">{{ 'staff.admin.hours.lead' | t }}</p>
      <p class="preview" role="status" aria-live="polite">{{ preview() }}</p>
      @if (updatedAt(); as updatedAt) {
        <p class="meta">
          {{ 'staff.admin.hours.lastSaved' | t }} <time [attr.datetime]="updatedAt">{{ updatedAt | when }}</time>
        </p>
      } @else if (loaded()) {
        <p class="meta">{{ 'staff.admin.hours.defaults' | t }}</p>
      }

      <form [formGroup]="form" (ngSubmit)="save()" novalidate [attr.aria-label]="'staff.admin.hours.title' | t">
        <section class="card" aria-labelledby="zone-heading">
          <h2 id="zone-heading">{{ 'staff.admin.hours.zone' | t }}</h2>
          <mat-form-field class="zone">
            <mat-label>{{ 'staff.admin.hours.zoneLabel' | t }}</mat-label>
            <select matNativeControl formControlName="timeZone" required>
              @for (zone of zones(); track zone) {
                <option [value]="zone">{{ zone }}</option>
              }
            </select>
            <mat-hint>{{ 'staff.admin.hours.zoneHint' | t }}</mat-hint>
            <mat-error>{{ error(form.controls.timeZone, 'staff.admin.hours.zoneField' | t) }}</mat-error>
          </mat-form-field>
        </section>

        <section class="card" aria-labelledby="week-heading">
          <h2 id="week-heading">{{ 'staff.admin.hours.week' | t }}</h2>
          <p class="hint">{{ 'staff.admin.hours.weekHint' | t }}</p>
          <div formArrayName="days" class="week">
            @for (day of days.controls; track $index; let d = $index) {
              <div class="day" [formGroupName]="d" role="group" [attr.aria-labelledby]="'day-' + d">
                <div class="day-head">
                  <h3 [id]="'day-' + d">{{ dayName(d) }}</h3>
                  <mat-checkbox [checked]="day.controls.slots.length === 0" (change)="setClosed(d, $event.checked)"
                    >{{ 'staff.admin.hours.closed' | t
                    }}<span class="visually-hidden"> {{ 'staff.admin.hours.onDay' | t: { day: dayName(d) } }}</span></mat-checkbox
                  >
                </div>
                <div formArrayName="slots" class="slots">
                  @for (slot of day.controls.slots.controls; track $index; let s = $index) {
                    <div class="slot" [formGroupName]="s">
                      <mat-form-field>
                        <mat-label
                          >{{ 'staff.admin.hours.opens' | t
                          }}<span class="visually-hidden"> {{ 'staff.admin.hours.onDaySlot' | t: { day: dayName(d), slot: s + 1 } }}</span></mat-label
                        >
                        <input matInput type="time" formControlName="opens" required />
                        <mat-error>{{ error(slot.controls.opens, 'staff.admin.hours.opening' | t) }}</mat-error>
                      </mat-form-field>
                      <mat-form-field>
                        <mat-label
                          >{{ 'staff.admin.hours.closes' | t
                          }}<span class="visually-hidden"> {{ 'staff.admin.hours.onDaySlot' | t: { day: dayName(d), slot: s + 1 } }}</span></mat-label
                        >
                        <input matInput type="time" formControlName="closes" required />
                        <mat-error>{{ error(slot.controls.closes, 'staff.admin.hours.closing' | t) }}</mat-error>
                      </mat-form-field>
                      <button
                        matButton
                        type="button"
                        (click)="removeSlot(d, s)"
                        [attr.aria-label]="'staff.admin.hours.removeSlot' | t: { slot: s + 1, day: dayName(d) }"
                      >
                        {{ 'staff.admin.hours.remove' | t }}
                      </button>
                    </div>
                  }
                </div>
                <button matButton type="button" (click)="addSlot(d)" [attr.aria-label]="'staff.admin.hours.addSlotOn' | t: { day: dayName(d) }">
                  {{ 'staff.admin.hours.addSlot' | t }}
                </button>
              </div>
            }
          </div>
        </section>

        <section class="card" aria-labelledby="holidays-heading">
          <h2 id="holidays-heading">{{ 'staff.admin.hours.holidays' | t }}</h2>
          <p class="hint">{{ 'staff.admin.hours.holidaysHint' | t }}</p>
          <div formArrayName="holidays" class="holidays">
            @for (holiday of holidays.controls; track $index; let h = $index) {
              <div class="holiday" [formGroupName]="h" role="group" [attr.aria-label]="'staff.admin.hours.holiday' | t: { n: h + 1 }">
                <mat-form-field>
                  <mat-label
                    >{{ 'staff.admin.hours.date' | t }}<span class="visually-hidden"> {{ 'staff.admin.hours.ofHoliday' | t: { n: h + 1 } }}</span></mat-label
                  >
                  <input matInput type="date" formControlName="date" required />
                  <mat-error>{{ error(holiday.controls.date, 'staff.admin.hours.dateField' | t) }}</mat-error>
                </mat-form-field>
                <mat-form-field class="holiday-name">
                  <mat-label
                    >{{ 'staff.admin.hours.name' | t }}<span class="visually-hidden"> {{ 'staff.admin.hours.ofHoliday' | t: { n: h + 1 } }}</span></mat-label
                  >
                  <input matInput formControlName="name" required maxlength="100" />
                  <mat-error>{{ error(holiday.controls.name, 'staff.admin.hours.nameField' | t) }}</mat-error>
                </mat-form-field>
                <button
                  matButton
                  type="button"
                  (click)="removeHoliday(h)"
                  [attr.aria-label]="'staff.admin.hours.removeHoliday' | t: { which: holiday.controls.name.value || h + 1 }"
                >
                  {{ 'staff.admin.hours.remove' | t }}
                </button>
              </div>
            } @empty {
              <p class="hint">{{ 'staff.admin.hours.noHolidays' | t }}</p>
            }
          </div>
          <button matButton type="button" (click)="addHoliday()">{{ 'staff.admin.hours.addHoliday' | t }}</button>
        </section>

        @if (problems().length) {
          <ul class="problems" role="alert">
            @for (problem of problems(); track problem) {
              <li>{{ problem }}</li>
            }
          </ul>
        }
        <div class="buttons">
          <button matButton="filled" type="submit" [disabled]="saving() || !loaded()">
            {{ (saving() ? 'staff.admin.hours.saving' : 'staff.admin.hours.save') | t }}
          </button>
          @if (saved()) {
            <span role="status">{{ 'staff.admin.hours.saved' | t }}</span>
          }
        </div>
      </form>
    </div>
  `,
  styles: `
    .lead {
      max-width: 72ch;
    }
    .preview {
      font: var(--mat-sys-title-small);
      margin: 8px 0;
    }
    .zone {
      max-width: 360px;
    }
    .week {
      display: grid;
      gap: 8px;
    }
    .day {
      display: grid;
      grid-template-columns: minmax(160px, auto) 1fr auto;
      gap: 4px 12px;
      align-items: start;
      padding: 6px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .day-head {
      display: flex;
      flex-direction: column;
    }
    .day-head h3 {
      margin: 8px 0 0;
      font: var(--mat-sys-title-small);
    }
    .slots {
      display: grid;
      gap: 4px;
    }
    .slot,
    .holiday {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .slot mat-form-field {
      width: 150px;
    }
    .holiday mat-form-field {
      width: 180px;
    }
    .holiday .holiday-name {
      width: 280px;
    }
    .holidays {
      display: grid;
      gap: 4px;
      margin-bottom: 8px;
    }
    @media (max-width: 720px) {
      .day {
        grid-template-columns: 1fr;
      }
    }
  `,
})
export class OpeningHoursPage {
  private readonly api = inject(OrganisationHoursApi);
  private readonly clock = inject(Clock);
  private readonly i18n = inject(I18n);
  private readonly fb = inject(FormBuilder).nonNullable;

  protected readonly dayNames = computed(() => WEEKDAY_KEYS.map((key) => this.i18n.t(key)));

  /** The name of the form's `index`th day (the form has the seven, Monday first). */
  protected dayName(index: number): string {
    return itemAt(this.dayNames(), index, 'weekday name');
  }
  protected readonly error = controlErrors();
  protected readonly form = this.fb.group({
    timeZone: [DEFAULT_OPENING_HOURS.timeZone, Validators.required],
    days: this.fb.array<DayGroup>([]),
    holidays: this.fb.array<HolidayGroup>([]),
  });
  protected readonly loaded = signal(false);
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  protected readonly updatedAt = signal<string | null>(null);
  protected readonly problems = signal<string[]>([]);

  private readonly value = toSignal(
    this.form.valueChanges.pipe(
      startWith(null),
      map(() => this.form.getRawValue()),
    ),
    { requireSync: true },
  );
  protected readonly zones = computed(() => timeZoneOptions(this.value().timeZone));
  protected readonly preview = computed(() => {
    const { hours } = toOpeningHours(this.value());
    if (!this.loaded()) return this.i18n.t('staff.admin.hours.loading');
    if (validateOpeningHours(hours).length) return this.i18n.t('staff.admin.hours.nowIncomplete');
    return describeNow(hours, new Date(this.clock.now()), this.i18n.translator());
  });

  protected get days(): FormArray<DayGroup> {
    return this.form.controls.days;
  }

  protected get holidays(): FormArray<HolidayGroup> {
    return this.form.controls.holidays;
  }

  constructor() {
    this.fill(toFormValue(DEFAULT_OPENING_HOURS));
    this.api.get().subscribe({
      next: (hours) => this.show(hours),
      error: (error: unknown) => this.problems.set([problemMessage(this.i18n, error, this.i18n.t('staff.admin.hours.loadFailed'))]),
    });
  }

  protected setClosed(day: number, closed: boolean): void {
    const slots = this.days.at(day).controls.slots;
    if (closed) slots.clear();
    else if (slots.length === 0) slots.push(this.slot('09:00', '17:00'));
  }

  protected addSlot(day: number): void {
    const slots = this.days.at(day).controls.slots;
    const last = slots.at(slots.length - 1)?.getRawValue();
    slots.push(last ? this.slot(last.closes, last.closes === '00:00' ? '00:00' : '17:00') : this.slot('09:00', '17:00'));
  }

  protected removeSlot(day: number, slot: number): void {
    this.days.at(day).controls.slots.removeAt(slot);
  }

  protected addHoliday(): void {
    this.holidays.push(this.holiday('', ''));
  }

  protected removeHoliday(index: number): void {
    this.holidays.removeAt(index);
  }

  protected save(): void {
    this.saved.set(false);
    this.problems.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.problems.set([this.i18n.t('staff.admin.hours.someFields')]);
      return;
    }
    const { hours, slotOrigins } = toOpeningHours(this.form.getRawValue());
    // The same rules as the API, so most mistakes are shown without a round trip.
    const local = validateOpeningHours(hours).map((problem) => ({ path: problem.field, message: problem.message }));
    if (local.length) {
      this.showProblems(toFormErrors(local, slotOrigins));
      return;
    }
    this.saving.set(true);
    this.api
      .replace(hours)
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (saved) => {
          this.show(saved);
          this.saved.set(true);
        },
        error: (error: unknown) => {
          const fields = validationErrors(error);
          if (fields?.length) this.showProblems(toFormErrors(fields, slotOrigins));
          else this.problems.set([problemMessage(this.i18n, error, this.i18n.t('staff.admin.hours.saveFailed'))]);
        },
      });
  }

  private showProblems(errors: FieldError[]): void {
    const unmatched = applyServerErrors(this.form, errors);
    this.problems.set([
      this.i18n.t('staff.admin.hours.fieldsNeedLook', { count: errors.length }),
      ...unmatched.map((problem) =>
        problem.path === 'weekly' ? this.i18n.t('staff.admin.hours.theWeek', { message: problem.message }) : `${problem.path} ${problem.message}`,
      ),
    ]);
  }

  private show(hours: OrganisationHours): void {
    this.updatedAt.set(hours.updatedAt);
    this.fill(toFormValue(hours));
    this.loaded.set(true);
  }

  private fill(value: OpeningHoursFormValue): void {
    this.days.clear({ emitEvent: false });
    for (const day of value.days)
      this.days.push(this.fb.group({ slots: this.fb.array(day.slots.map((slot) => this.slot(slot.opens, slot.closes))) }), { emitEvent: false });
    this.holidays.clear({ emitEvent: false });
    for (const holiday of value.holidays) this.holidays.push(this.holiday(holiday.date, holiday.name), { emitEvent: false });
    this.form.controls.timeZone.setValue(value.timeZone);
    this.form.markAsPristine();
    this.form.markAsUntouched();
  }

  private slot(opens: string, closes: string): SlotGroup {
    return this.fb.group({ opens: [opens, Validators.required], closes: [closes, Validators.required] });
  }

  private holiday(date: string, name: string): HolidayGroup {
    return this.fb.group({ date: [date, Validators.required], name: [name, [Validators.required, Validators.maxLength(100)]] });
  }
}
