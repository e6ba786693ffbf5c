import { TestBed } from '@angular/core/testing';
import type { PersonResource } from '@sg/contracts';
import { CATALOGUES } from '@sg/i18n/server';
import { I18n } from '../../system/i18n/i18n';
import { speakInTests } from '../../system/i18n/testing';
import { ResourceGroups } from './resource-groups';
import { hostOf } from '../../../testing/dom';

const emergency: PersonResource = {
  key: 'my-emergency',
  name: 'Emergency services',
  contact: 'Call 999 if you are in danger now',
  purpose: 'crisis',
  reason: { key: 'person.resources.none' },
  description: 'Police, ambulance and fire services.',
  whenToUse: 'If you are in danger right now, or might hurt yourself.',
  translations: { ms: { name: 'Perkhidmatan kecemasan', contact: 'Hubungi 999 jika anda dalam bahaya sekarang' } },
};

function render(resources: readonly PersonResource[]) {
  const fixture = TestBed.createComponent(ResourceGroups);
  fixture.componentRef.setInput('resources', resources);
  fixture.detectChanges();
  return fixture;
}

const text = (element: HTMLElement, selector: string) => element.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

describe('ResourceGroups', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [speakInTests()] }));

  it('shows each entry in English, with what it is and when to use it', () => {
    const element = hostOf(render([emergency]));
    expect(text(element, 'h3')).toBe('If you are in danger or might hurt yourself');
    expect(text(element, '.resource-name')).toBe('Emergency services');
    expect(text(element, '.resource-description')).toBe('Police, ambulance and fire services.');
    expect(text(element, '.resource-when')).toBe('When to use it: If you are in danger right now, or might hurt yourself.');
  });

  it('follows the tab’s language at once, each field falling back to English', () => {
    const fixture = render([emergency]);
    TestBed.inject(I18n).useLoaded('ms', 'all', CATALOGUES.ms);
    fixture.detectChanges();
    const element = hostOf(fixture);
    expect(text(element, 'h3')).toBe('Jika anda dalam bahaya atau mungkin mencederakan diri');
    expect(text(element, '.resource-name')).toBe('Perkhidmatan kecemasan');
    expect(text(element, '.resource-contact')).toContain('Hubungi');
    // No Malay description yet: the English one, rather than nothing.
    expect(text(element, '.resource-description')).toBe('Police, ambulance and fire services.');
  });

  it('points to the local police when nothing matched', () => {
    expect(text(hostOf(render([])), 'p')).toBe('Your local police can help. In an emergency, call your local emergency number.');
  });
});
