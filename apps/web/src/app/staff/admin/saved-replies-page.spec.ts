import { TestBed } from '@angular/core/testing';
import type { SavedReply } from '@sg/contracts';
import type { Language } from '@sg/domain';
import { of } from 'rxjs';
import { speakInTests } from '../../system/i18n/testing';
import { SavedRepliesApi } from '../data-access/saved-replies-api';
import { SavedRepliesPage } from './saved-replies-page';
import { elementOf, hostOf, query, queryAll } from '../../../testing/dom';
import { itemAt } from '@sg/domain';

const reply: SavedReply = {
  id: 'r1',
  title: 'Breathe',
  body: 'Take a slow breath.',
  translations: { ms: { title: 'Tarik nafas', body: 'Tarik nafas perlahan-lahan.' } },
  fallsBackToEnglish: ['es'],
  active: true,
  updatedAt: '2026-12-03T14:05:00Z',
};

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function render(language: Language, update = jest.fn(() => of(reply))) {
  TestBed.configureTestingModule({
    providers: [speakInTests(language), { provide: SavedRepliesApi, useValue: { list: () => of([reply]), update, create: jest.fn() } }],
  });
  const fixture = TestBed.createComponent(SavedRepliesPage);
  await fixture.whenStable();
  fixture.detectChanges();
  return { fixture, root: hostOf(fixture), update };
}

describe('SavedRepliesPage languages', () => {
  it('flags the languages a reply still says in English', async () => {
    const { root } = await render('en');
    expect(Array.from(root.querySelectorAll('.replies .fallback')).map(text)).toEqual(['Spanish: uses English']);
    expect(Array.from(root.querySelectorAll('[role="tab"]')).map(text)).toEqual(['English', 'Bahasa Melayu', 'Español']);
  });

  it('flags them in Malay for a Malay-speaking admin', async () => {
    const { root } = await render('ms');
    expect(Array.from(root.querySelectorAll('.replies .fallback')).map(text)).toEqual(['Bahasa Sepanyol: guna bahasa Inggeris']);
  });

  it('edits every language and sends them all', async () => {
    const { fixture, root, update } = await render('en');
    elementOf(
      Array.from(root.querySelectorAll('.replies button')).find((button) => text(button) === 'Edit'),
      HTMLButtonElement,
      'the Edit button',
    ).click();
    fixture.detectChanges();
    itemAt(queryAll(root, '[role="tab"]', HTMLElement), 2, '[role="tab"]').click();
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    const spanish = query(root, '.tab-fields[data-language="es"]', HTMLElement);
    const title = query(spanish, 'input', HTMLInputElement);
    const body = query(spanish, 'textarea', HTMLTextAreaElement);
    expect(title.placeholder).toBe('Breathe');
    title.value = 'Respira';
    title.dispatchEvent(new Event('input'));
    body.value = 'Respira despacio.';
    body.dispatchEvent(new Event('input'));
    query(root, 'form button[type="submit"]', HTMLButtonElement).click();
    expect(update).toHaveBeenCalledWith('r1', {
      title: 'Breathe',
      body: 'Take a slow breath.',
      active: true,
      translations: { ms: { title: 'Tarik nafas', body: 'Tarik nafas perlahan-lahan.' }, es: { title: 'Respira', body: 'Respira despacio.' } },
    });
  });
});
