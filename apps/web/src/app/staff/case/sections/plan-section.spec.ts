import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { speakInTests } from '../../../system/i18n/testing';
import type { CaseDetail } from '@sg/contracts';
import { EMPTY, of } from 'rxjs';
import { CaseStore } from '../case-store';
import { PlanSection } from './plan-section';
import { hostOf, query } from '../../../../testing/dom';
import { caseDetail } from '../../../../testing/cases';

const withPlan = (done: boolean) =>
  caseDetail({
    id: 'c1',
    actionPlan: [
      {
        key: 'do_not_pay',
        title: { key: 'person.plan.do_not_pay.title', params: { voice: 'self' } },
        detail: { key: 'person.plan.do_not_pay.detail', params: { voice: 'self', paid: 'no' } },
        done,
        doneAt: null,
      },
    ],
  });

describe('PlanSection', () => {
  function render(setPlanStep: jest.Mock) {
    const detail = signal<CaseDetail | null>(withPlan(false));
    TestBed.configureTestingModule({ providers: [speakInTests(), { provide: CaseStore, useValue: { detail, setPlanStep, reload: jest.fn() } }] });
    const fixture = TestBed.createComponent(PlanSection);
    fixture.detectChanges();
    const box = () => query(hostOf(fixture), 'input[type="checkbox"]', HTMLInputElement);
    return { fixture, detail, box };
  }

  it('says each step in the dashboard’s language', () => {
    const { fixture } = render(jest.fn());
    const text = hostOf(fixture).textContent ?? '';
    expect(text).toContain('Do not pay and do not send anything more');
    expect(text).toContain('Do not send more pictures either.');
  });

  it('unticks the step again when saving the tick fails', async () => {
    // The store has already reported the network error or 5xx and completes without a value.
    const setPlanStep = jest.fn().mockReturnValue(EMPTY);
    const { fixture, box } = render(setPlanStep);
    box().click();
    await fixture.whenStable();
    expect(setPlanStep).toHaveBeenCalledWith('do_not_pay', true);
    expect(box().checked).toBe(false);
  });

  it('keeps the tick once it is saved', async () => {
    const { fixture, detail, box } = render(
      jest.fn(() => {
        detail.set(withPlan(true));
        return of(withPlan(true));
      }),
    );
    box().click();
    await fixture.whenStable();
    expect(box().checked).toBe(true);
  });
});
