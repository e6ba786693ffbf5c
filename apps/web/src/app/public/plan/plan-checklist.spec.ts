import { TestBed } from '@angular/core/testing';
import { ActionPlanStep, buildActionPlan } from '@sg/domain';
import { speakInTests } from '../../system/i18n/testing';
import { PlanChecklist } from './plan-checklist';
import { hostOf } from '../../../testing/dom';

const plan = (): ActionPlanStep[] =>
  buildActionPlan({
    submittedBy: 'victim',
    ageBand: '13_17',
    contentMadeUnder18: true,
    country: 'MY',
    selfHarm: 'thoughts',
    immediateDanger: false,
    demands: ['money'],
    contentPosted: 'no',
    paid: false,
  }).map((step) => (step.key === 'do_not_pay' ? { ...step, done: true } : step));

describe('PlanChecklist', () => {
  function render(language: 'en' | 'ms' | 'es') {
    TestBed.configureTestingModule({ providers: [speakInTests(language)] });
    const fixture = TestBed.createComponent(PlanChecklist);
    fixture.componentRef.setInput('steps', plan());
    fixture.componentRef.setInput('crisisHref', '#crisis');
    fixture.detectChanges();
    return hostOf(fixture).textContent ?? '';
  }

  it('says the plan, its progress and the crisis link in English as before', () => {
    const text = render('en');
    expect(text).toContain(`1 of ${plan().length} steps done`);
    expect(text).toContain('Get safe right now');
    expect(text).toContain('Do not pay and do not send anything more');
    expect(text).toContain(' (done)');
    expect(text).toContain('Use Take It Down to stop the pictures spreading');
    expect(text).toContain('See who to call now');
  });

  it('says it in Malay and Spanish, with no key left', () => {
    const ms = render('ms');
    expect(ms).toContain('Pastikan anda selamat sekarang juga');
    expect(ms).toContain('(selesai)');
    expect(ms).toContain('Lihat siapa yang boleh dihubungi sekarang');
    expect(ms).not.toMatch(/person\.plan|[{}]/);
    TestBed.resetTestingModule();
    const es = render('es');
    expect(es).toContain('Ponte a salvo ahora mismo');
    expect(es).toContain(`1 de ${plan().length} pasos hechos`);
    expect(es).not.toMatch(/person\.plan|[{}]/);
  });
});
