import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { speakInTests } from '../../../system/i18n/testing';
import { CASE_FACT_WORDS, FactsFields, INTAKE_FACT_WORDS } from './facts-fields';
import { hostOf, query } from '../../../../testing/dom';

@Component({
  imports: [ReactiveFormsModule, FactsFields],
  template: `
    <form id="intake" [formGroup]="intake">
      <div class="grid"><sg-facts-fields [fields]="['immediateDanger', 'selfHarm', 'ageBand', 'contentMadeUnder18']" [words]="intakeWords" /></div>
    </form>
    <form id="case" [formGroup]="facts">
      <sg-facts-fields [fields]="['ageBand', 'immediateDanger', 'deadlineAt', 'paid']" [words]="caseWords" />
    </form>
  `,
})
class Host {
  readonly intakeWords = INTAKE_FACT_WORDS;
  readonly caseWords = CASE_FACT_WORDS;
  readonly intake = new FormGroup({
    immediateDanger: new FormControl(false, { nonNullable: true }),
    selfHarm: new FormControl('prefer_not_to_say', { nonNullable: true, validators: Validators.required }),
    ageBand: new FormControl('', { nonNullable: true, validators: Validators.required }),
    contentMadeUnder18: new FormControl('', { nonNullable: true }),
  });
  readonly facts = new FormGroup({
    ageBand: new FormControl('unknown', { nonNullable: true }),
    immediateDanger: new FormControl('no', { nonNullable: true }),
    deadlineAt: new FormControl('', { nonNullable: true }),
    paid: new FormControl('', { nonNullable: true }),
  });
}

const labels = (form: Element | null) => [...(form?.querySelectorAll('mat-label, mat-checkbox') ?? [])].map((label) => label.textContent?.trim());

describe('the facts fields, shared by the staff intake and the case', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [speakInTests('en')] }));

  it('puts the fields asked for, in that order and in each form’s own words, on the form around them', () => {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const root = hostOf(fixture);
    const intake = root.querySelector('#intake');
    expect(labels(intake)).toEqual(['In immediate danger', 'Self-harm', 'Age now', 'Made when under 18']);
    expect(intake?.querySelector('mat-checkbox.danger')).not.toBeNull();
    expect(intake?.querySelectorAll('mat-select[required]').length).toBe(2);
    const caseForm = root.querySelector('#case');
    expect(labels(caseForm)).toEqual(['Age', 'In immediate danger', 'Their deadline', 'Has paid']);
    expect(caseForm?.querySelector('mat-checkbox')).toBeNull();
    expect(caseForm?.querySelector('mat-form-field.wide input[type=datetime-local]')).not.toBeNull();
    expect(caseForm?.querySelectorAll('mat-select[required]').length).toBe(0);
  });

  it('binds the parent form’s controls, and says a field’s problem only where that form names it', () => {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const root = hostOf(fixture);
    const host = fixture.componentInstance;
    query(root, '#intake mat-checkbox input', HTMLInputElement).click();
    expect(host.intake.controls.immediateDanger.value).toBe(true);
    host.intake.markAllAsTouched();
    host.intake.controls.contentMadeUnder18.setErrors({ server: 'odd' });
    host.facts.controls.paid.setErrors({ server: 'odd' });
    host.facts.markAllAsTouched();
    fixture.detectChanges();
    expect([...root.querySelectorAll('#intake mat-error')].map((error) => error.textContent?.trim())).toEqual(['Age is required']);
    expect(root.querySelector('#case mat-error')?.textContent).toContain('Has paid');
  });
});
