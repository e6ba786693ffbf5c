import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { CaseDeletionStatus } from '@sg/contracts';
import { speakInTests } from '../../system/i18n/testing';
import { DeleteMyCase } from './delete-my-case';
import { hostOf, query } from '../../../testing/dom';

const CODE = 'AB12-CD34-EF56-GH78';

describe('DeleteMyCase', () => {
  let http: HttpTestingController;

  async function render(language: 'en' | 'ms' | 'es' = 'en') {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), speakInTests(language)] });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(DeleteMyCase);
    fixture.componentRef.setInput('reference', 'SG-7K3M-9QXD');
    fixture.detectChanges();
    await fixture.whenStable();
    return fixture;
  }

  async function ask(fixture: Awaited<ReturnType<typeof render>>, answer: CaseDeletionStatus | { status: number }) {
    const root = hostOf(fixture);
    const input = query(root, 'input', HTMLInputElement);
    input.value = CODE;
    input.dispatchEvent(new Event('input'));
    query(root, 'button[type=submit]', HTMLButtonElement).click();
    const request = http.expectOne('/api/case-access/deletion');
    expect(request.request.body).toEqual({ reference: 'SG-7K3M-9QXD', accessCode: CODE });
    if ('state' in answer) request.flush(answer);
    else request.flush({ message: 'no' }, { status: answer.status, statusText: 'No' });
    await fixture.whenStable();
    fixture.detectChanges();
  }

  it('asks with the code typed again, says when it will happen, and lets the person keep their case', async () => {
    const fixture = await render();
    const root = hostOf(fixture);
    expect(root.textContent).toContain('We wait 7 days first');
    await ask(fixture, { state: 'pending', executeAfter: '2026-12-14T10:00:00Z', coolingOffDays: 7 });
    expect(root.querySelector('[data-testid=deletion-pending]')?.textContent).toContain('Your case will be deleted after');

    query(root, 'button', HTMLButtonElement).click();
    const cancel = http.expectOne('/api/case-access/deletion/cancel');
    expect(cancel.request.body).toEqual({ reference: 'SG-7K3M-9QXD', accessCode: CODE });
    cancel.flush({ state: 'none', executeAfter: null, coolingOffDays: 7 });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(root.textContent).toContain('Your case is kept. Nothing will be deleted.');
  });

  it('asks for the code when none was typed, sending nothing', async () => {
    const fixture = await render('es');
    const root = hostOf(fixture);
    query(root, 'button[type=submit]', HTMLButtonElement).click();
    await fixture.whenStable();
    fixture.detectChanges();
    http.expectNone('/api/case-access/deletion');
    expect(root.querySelector('[role=alert]')?.textContent).toContain('Primero escribe tu código de acceso.');
  });

  it('says plainly when the case cannot be deleted now, or the code is wrong', async () => {
    const fixture = await render();
    const root = hostOf(fixture);
    await ask(fixture, { status: 409 });
    expect(root.querySelector('[role=alert]')?.textContent).toContain('We cannot delete your case right now.');
    await ask(fixture, { status: 404 });
    expect(root.querySelector('[role=alert]')?.textContent).toContain('That code does not match this case.');
  });

  it('speaks Malay and Spanish', async () => {
    const ms = await render('ms');
    expect(hostOf(ms).textContent).toContain('Kami tunggu 7 hari dahulu');
    TestBed.resetTestingModule();
    const es = await render('es');
    expect(hostOf(es).textContent).toContain('Antes esperamos 7 días');
  });
});
