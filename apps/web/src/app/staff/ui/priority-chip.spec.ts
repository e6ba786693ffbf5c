import { TestBed } from '@angular/core/testing';
import type { Language, Priority } from '@sg/domain';
import { speakInTests } from '../../system/i18n/testing';
import { PriorityChip } from './priority-chip';
import { hostOf } from '../../../testing/dom';

function chip(priority: Priority, language: Language): string {
  TestBed.configureTestingModule({ providers: [speakInTests(language)] });
  const fixture = TestBed.createComponent(PriorityChip);
  fixture.componentRef.setInput('priority', priority);
  fixture.detectChanges();
  return hostOf(fixture).textContent ?? '';
}

describe('PriorityChip', () => {
  it('says the priority in English, after its shape', () => {
    expect(chip('emergency', 'en')).toBe('▲Emergency');
  });

  it('says it in Malay for a Malay reader', () => {
    expect(chip('urgent', 'ms')).toBe('◆Segera');
  });
});
