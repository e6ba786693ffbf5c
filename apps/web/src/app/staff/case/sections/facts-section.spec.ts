import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { speakInTests } from '../../../system/i18n/testing';
import { FormGroup } from '@angular/forms';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { CaseChangeEvent, CaseDetail, CaseFactsView } from '@sg/contracts';
import { NEVER, Subject } from 'rxjs';
import { CasesApi } from '../../data-access/cases-api';
import { LiveUpdates } from '../../live/live-updates';
import { ConversationApi } from '../../data-access/conversation-api';
import { CaseStore } from '../case-store';
import { ClaimCase } from '../claim-case';
import { factsChange, factsFormValue, rebaseFactsForm } from './facts-form';
import { FactsSection } from './facts-section';
import { present } from '@sg/domain';
import { hostOf } from '../../../../testing/dom';
import { caseDetail, caseFacts } from '../../../../testing/cases';

const detail = (version: number, factChanges: Partial<CaseFactsView> = {}): CaseDetail =>
  caseDetail({ version, status: 'in_progress', facts: caseFacts(factChanges) });

/** A control the facts form is known to have (a clear failure if it ever loses it). */
const control = (form: FormGroup, name: string) => present(form.controls[name], `the ${name} control`);

describe('facts form helpers', () => {
  it('sends only what the person changed, as the API wants it', () => {
    const value = { ...factsFormValue(caseFacts()), ageBand: '13_17' as const, contentMadeUnder18: 'yes' as const, immediateDanger: 'yes' as const };
    expect(factsChange(caseFacts(), value)).toEqual({ ageBand: '13_17', contentMadeUnder18: true, immediateDanger: true });
    expect(factsChange(caseFacts(), factsFormValue(caseFacts()))).toEqual({});
  });

  it('moves untouched answers onto the newer version and keeps the ones the person changed', () => {
    const typed = { ...factsFormValue(caseFacts()), selfHarm: 'thoughts' as const };
    const rebased = rebaseFactsForm(typed, caseFacts(), caseFacts({ paid: true, selfHarm: 'prefer_not_to_say' }));
    expect(rebased).toMatchObject({ selfHarm: 'thoughts', paid: 'yes' });
  });
});

describe('FactsSection', () => {
  let backend: HttpTestingController;
  let changes: Subject<CaseChangeEvent>;

  beforeEach(() => {
    jest.useFakeTimers();
    changes = new Subject();
    TestBed.configureTestingModule({
      providers: [
        speakInTests(),
        provideHttpClient(),
        provideHttpClientTesting(),
        CasesApi,
        CaseStore,
        { provide: MatSnackBar, useValue: { open: jest.fn() } },
        { provide: LiveUpdates, useValue: { changes$: changes, reconnected$: new Subject(), changed: jest.fn(), conversation$: new Subject() } },
        { provide: ConversationApi, useValue: { unread: () => new Subject() } },
        { provide: ClaimCase, useValue: { claim: () => NEVER } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    TestBed.inject(CaseStore).open('c1');
    TestBed.tick();
    backend.expectOne('/api/cases/c1').flush(detail(3));
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
  });

  function render() {
    const fixture = TestBed.createComponent(FactsSection);
    fixture.detectChanges();
    // The form is the component's (protected); read it as the template does.
    const form: FormGroup = fixture.componentInstance['form'];
    const submit = () => {
      hostOf(fixture).querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      fixture.detectChanges();
    };
    return { fixture, form, submit, text: () => hostOf(fixture).textContent ?? '' };
  }

  /** A colleague's change arrives live while the form is being edited. */
  function colleagueChanges(version: number, factChanges: Partial<CaseFactsView>) {
    changes.next({ type: 'case.updated', caseId: 'c1', reference: 'SG-AAAA-BBBB', priority: 'high', status: 'in_progress', assigneeId: null, at: '' });
    jest.advanceTimersByTime(200);
    backend.expectOne('/api/cases/c1').flush(detail(version, factChanges));
  }

  it('bases a save on the version the form started from, so a colleague’s change meets a 409 instead of being overwritten', () => {
    const { fixture, form, submit, text } = render();
    control(form, 'selfHarm').setValue('thoughts');
    form.markAsDirty();
    colleagueChanges(4, { paid: true });
    fixture.detectChanges();
    // The form keeps what was being typed, and says what changed meanwhile.
    expect(control(form, 'selfHarm').value).toBe('thoughts');
    expect(text()).toContain('Has paid is now Yes');

    submit();
    const first = backend.expectOne('/api/cases/c1');
    // Version 3 and only the person's own change: nothing of "paid: false" from the old form.
    expect(first.request.body).toEqual({ selfHarm: 'thoughts', version: 3 });
    first.flush({ statusCode: 409, message: 'Someone else changed this case', current: detail(4, { paid: true }) }, { status: 409, statusText: 'Conflict' });
    fixture.detectChanges();
    const alert = hostOf(fixture).querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).toContain('someone else changed this case');
    expect(alert).toMatch(/Has paid: No → Yes/);
    expect(control(form, 'selfHarm').value).toBe('thoughts');
    expect(control(form, 'paid').value).toBe('yes');

    // Having seen it, the person saves again: based on version 4, still only their change.
    submit();
    const second = backend.expectOne('/api/cases/c1');
    expect(second.request.body).toEqual({ selfHarm: 'thoughts', version: 4 });
    second.flush(detail(5, { paid: true, selfHarm: 'thoughts' }));
    fixture.detectChanges();
    expect(text()).not.toContain('someone else changed this case');
    expect(form.dirty).toBe(false);
  });

  it('lets a caseworker correct age, content made under 18, self-harm and danger', () => {
    const { form, submit } = render();
    form.patchValue({ ageBand: '13_17', contentMadeUnder18: 'yes', selfHarm: 'plan_or_intent', immediateDanger: 'yes' });
    form.markAsDirty();
    submit();
    const request = backend.expectOne('/api/cases/c1');
    expect(request.request.body).toEqual({ ageBand: '13_17', contentMadeUnder18: true, selfHarm: 'plan_or_intent', immediateDanger: true, version: 3 });
    request.flush(detail(4, { ageBand: '13_17', contentMadeUnder18: true, selfHarm: 'plan_or_intent', immediateDanger: true }));
  });
});
