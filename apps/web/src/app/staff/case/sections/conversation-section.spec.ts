import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { SavedReply, StaffConversation } from '@sg/contracts';
import type { Language } from '@sg/domain';
import { translatorFor } from '@sg/i18n/server';
import { EMPTY, of } from 'rxjs';
import { speakInTests } from '../../../system/i18n/testing';
import { AuthSession } from '../../auth/auth-session';
import { ConversationApi } from '../../data-access/conversation-api';
import { SavedRepliesApi } from '../../data-access/saved-replies-api';
import { LiveUpdates } from '../../live/live-updates';
import { CaseStore } from '../case-store';
import { ConversationSection } from './conversation-section';
import { hostOf, query } from '../../../../testing/dom';
import { found } from '@sg/domain';
import { caseDetail } from '../../../../testing/cases';

const doNotPay = { key: 'person.plan.do_not_pay.title', params: { voice: 'self' } };
const reportPlatform = { key: 'person.plan.report_platform.title' };

const caseIn = (language: Language) =>
  caseDetail({
    id: 'c1',
    status: 'in_progress',
    language,
    assignee: { id: 's1', displayName: 'Casey Caseworker' },
    actionPlan: [
      {
        key: 'get_safe_now',
        title: { key: 'person.plan.get_safe_now.title', params: { voice: 'self' } },
        detail: { key: 'person.plan.get_safe_now.detail' },
        done: true,
        doneAt: '2026-12-03T14:10:00Z',
      },
      { key: 'do_not_pay', title: doNotPay, detail: { key: 'person.plan.do_not_pay.detail' }, done: false, doneAt: null },
      { key: 'report_platform', title: reportPlatform, detail: { key: 'person.plan.report_platform.detail' }, done: false, doneAt: null },
    ],
  });

const reply: SavedReply = {
  id: 'r1',
  title: 'We have your report',
  body: 'Your next step is: {{next_step}}\n\nStill to do:\n{{open_steps}}',
  translations: { ms: { title: 'Kami sudah terima laporan anda', body: 'Langkah anda yang seterusnya: {{next_step}}\n\nMasih perlu dibuat:\n{{open_steps}}' } },
  fallsBackToEnglish: ['es'],
  active: true,
  updatedAt: '2026-12-03T14:05:00Z',
};

const thread: StaffConversation = { caseId: 'c1', messages: [], unread: 0, firstContactAt: null, transcript: null };

/** Inserting a saved reply: the person's language (English when the reply lacks it), the plan's steps said in it too. */
describe('ConversationSection saved replies', () => {
  async function render(language: Language) {
    TestBed.configureTestingModule({
      providers: [
        // The staff member reads English: what goes to the person must still be in the person's language.
        speakInTests('en'),
        { provide: CaseStore, useValue: { detail: signal(caseIn(language)), conversationOpen: false, conversationUnread: signal(0) } },
        { provide: ConversationApi, useValue: { read: () => of(thread), send: () => EMPTY, recordContact: () => EMPTY } },
        { provide: AuthSession, useValue: { user: signal({ id: 's1', role: 'caseworker' }) } },
        { provide: LiveUpdates, useValue: { conversation$: EMPTY, reconnected$: EMPTY } },
        { provide: SavedRepliesApi, useValue: { list: () => of([reply]) } },
      ],
    });
    const fixture = TestBed.createComponent(ConversationSection);
    fixture.detectChanges();
    await fixture.whenStable();
    const root = hostOf(fixture);
    const trigger = found(
      Array.from(root.querySelectorAll('button')).find((button) => button.textContent?.includes('Saved replies')),
      'the Saved replies button',
    );
    trigger.click();
    fixture.detectChanges();
    const item = query(document, '[mat-menu-item], .mat-mdc-menu-item', HTMLButtonElement);
    expect(item.textContent?.trim()).toBe('We have your report');
    item.click();
    // The person's catalogue part is loaded on first use.
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    fixture.detectChanges();
    const box = query(root, 'textarea', HTMLTextAreaElement);
    const status = query(root, '[data-testid="inserted-language"]', HTMLElement);
    return { box, status };
  }

  // jsdom does not scroll; the thread scrolls to its newest message after each read.
  beforeAll(() => {
    if (!Object.prototype.hasOwnProperty.call(Element.prototype, 'scrollTo')) {
      Object.defineProperty(Element.prototype, 'scrollTo', { value: () => undefined, configurable: true, writable: true });
    }
  });

  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((overlay) => overlay.remove()));

  it('inserts the Malay text on a Malay case, with the plan steps in Malay, and says so', async () => {
    const { box, status } = await render('ms');
    const malay = translatorFor('ms');
    const nextStep = malay.text(doNotPay);
    expect(nextStep).not.toBe(translatorFor('en').text(doNotPay));
    expect(box.value).toBe(`Langkah anda yang seterusnya: ${nextStep}\n\nMasih perlu dibuat:\n- ${nextStep}\n- ${malay.text(reportPlatform)}`);
    expect(box.getAttribute('lang')).toBe('ms');
    expect(status.dataset['language']).toBe('ms');
    expect(status.textContent).toContain('Saved reply inserted in Malay, the language the person reads.');
  });

  it('falls back to the English text, with English steps, when the reply is not written in the person’s language', async () => {
    const { box, status } = await render('es');
    const english = translatorFor('en');
    expect(box.value).toBe(`Your next step is: ${english.text(doNotPay)}\n\nStill to do:\n- ${english.text(doNotPay)}\n- ${english.text(reportPlatform)}`);
    expect(status.dataset['language']).toBe('en');
    expect(status.textContent).toContain('Saved reply inserted in English: the person reads Spanish, and this reply is not written in it yet.');
  });
});
