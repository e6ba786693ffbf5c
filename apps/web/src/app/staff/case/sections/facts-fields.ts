import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { AbstractControl, ControlContainer, ReactiveFormsModule } from '@angular/forms';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { AGE_BANDS, CONTENT_POSTED_ANSWERS, SELF_HARM_ANSWERS } from '@sg/domain';
import { TranslatePipe } from '../../../system/i18n/translate.pipe';
import { controlErrors } from '../../ui/http-errors';
import { AGE_BAND_LABELS, CONTENT_POSTED_LABELS, SELF_HARM_LABELS } from '../../ui/labels';

/** The facts that set a case's priority and plan: asked at intake, corrected on the case. */
export type FactField = 'ageBand' | 'contentMadeUnder18' | 'selfHarm' | 'immediateDanger' | 'deadlineAt' | 'contentPosted' | 'stillInContact' | 'paid';

/** How one form says the facts (catalogue keys): the intake talks to a caller, the case to a record. */
export interface FactsFieldsWords {
  labels: Readonly<Record<FactField, string>>;
  /** The field's name inside an error sentence; a field without one has no error line. */
  errorNames: Readonly<Partial<Record<FactField, string>>>;
  deadlineHint: string;
  yes: string;
  no: string;
  notKnown: string;
  /** Immediate danger as a checkbox (a boolean control) or a Yes/No select ('yes' | 'no'). */
  danger: 'checkbox' | 'select';
  required: readonly FactField[];
  /** Fields that take the whole row of the form's grid. */
  wide: readonly FactField[];
}

export const INTAKE_FACT_WORDS: FactsFieldsWords = {
  labels: {
    ageBand: 'staff.intake.ageNow',
    contentMadeUnder18: 'staff.intake.madeUnder18',
    selfHarm: 'staff.intake.selfHarm',
    immediateDanger: 'staff.intake.immediateDanger',
    deadlineAt: 'staff.intake.deadline',
    contentPosted: 'staff.intake.contentPosted',
    stillInContact: 'staff.intake.stillInContact',
    paid: 'staff.intake.paid',
  },
  errorNames: { ageBand: 'staff.intake.age', selfHarm: 'staff.intake.selfHarm', deadlineAt: 'staff.intake.deadlineField' },
  deadlineHint: 'staff.intake.deadlineHint',
  yes: 'staff.intake.yes',
  no: 'staff.intake.no',
  notKnown: 'staff.intake.notKnown',
  danger: 'checkbox',
  required: ['ageBand', 'selfHarm'],
  wide: [],
};

export const CASE_FACT_WORDS: FactsFieldsWords = {
  labels: {
    ageBand: 'staff.case.facts.age',
    contentMadeUnder18: 'staff.case.facts.contentMadeUnder18',
    selfHarm: 'staff.case.facts.selfHarm',
    immediateDanger: 'staff.case.facts.immediateDanger',
    deadlineAt: 'staff.case.facts.deadline',
    contentPosted: 'staff.case.facts.contentPosted',
    stillInContact: 'staff.case.facts.stillInContact',
    paid: 'staff.case.facts.paid',
  },
  errorNames: {
    ageBand: 'staff.case.facts.age',
    contentMadeUnder18: 'staff.case.facts.contentMadeUnder18',
    selfHarm: 'staff.case.facts.selfHarm',
    immediateDanger: 'staff.case.facts.immediateDanger',
    deadlineAt: 'staff.case.facts.deadlineField',
    contentPosted: 'staff.case.facts.contentPosted',
    stillInContact: 'staff.case.facts.stillInContact',
    paid: 'staff.case.facts.paid',
  },
  deadlineHint: 'staff.case.facts.deadlineHint',
  yes: 'staff.case.common.yes',
  no: 'staff.case.common.no',
  notKnown: 'staff.case.common.notKnown',
  danger: 'select',
  required: [],
  wide: ['deadlineAt'],
};

const options = <T extends string>(values: readonly T[], labels: Readonly<Record<T, string>>) => values.map((value) => ({ value, label: labels[value] }));

/**
 * The facts fields, written once for the staff intake page and the case's facts form. They sit
 * inside the parent's `[formGroup]` (whose controls are named as in FactField) and in its grid:
 * the host adds no box of its own.
 */
@Component({
  selector: 'sg-facts-fields',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatSelect, MatOption, MatInput, MatHint, MatError, MatCheckbox, TranslatePipe],
  // The parent's form is this component's form: formControlName finds it.
  viewProviders: [{ provide: ControlContainer, useFactory: () => inject(ControlContainer, { skipSelf: true }) }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: contents;
    }
    mat-form-field {
      width: 100%;
    }
    .wide {
      grid-column: 1 / -1;
    }
    .danger {
      font-weight: 700;
    }
  `,
  templateUrl: './facts-fields.html',
})
export class FactsFields {
  private readonly container = inject(ControlContainer, { skipSelf: true });
  readonly fields = input.required<readonly FactField[]>();
  readonly words = input.required<FactsFieldsWords>();
  protected readonly ageBands = options(AGE_BANDS, AGE_BAND_LABELS);
  protected readonly selfHarmAnswers = options(SELF_HARM_ANSWERS, SELF_HARM_LABELS);
  protected readonly contentPostedAnswers = options(CONTENT_POSTED_ANSWERS, CONTENT_POSTED_LABELS);
  private readonly error = controlErrors();

  protected control(field: FactField): AbstractControl | null {
    return this.container.control?.get(field) ?? null;
  }

  /** The field's problem in words (empty when it has none). */
  protected problem(field: FactField, name: string): string {
    return this.error(this.control(field), name);
  }

  protected isRequired(field: FactField): boolean {
    return this.words().required.includes(field);
  }

  protected isWide(field: FactField): boolean {
    return this.words().wide.includes(field);
  }
}
