import { TestBed } from '@angular/core/testing';
import { translatorFor } from '@sg/i18n/server';
import { I18n } from '../../system/i18n/i18n';
import { speakInTests } from '../../system/i18n/testing';
import { WhenPipe, formatWhen, whenIn } from './when';

// Local time, so the expectations hold in any time zone the tests run in.
const AUGUST = new Date(2026, 7, 3, 14, 5, 9);
const NOVEMBER = new Date(2026, 10, 3, 14, 5, 9);

describe('formatWhen', () => {
  it('writes English the way the dashboard always has', () => {
    expect(formatWhen(NOVEMBER)).toBe('3 Nov, 14:05');
    expect(formatWhen(NOVEMBER, 'long')).toBe('3 Nov 2026, 14:05');
    expect(formatWhen(NOVEMBER, 'seconds')).toBe('3 Nov, 14:05:09');
    expect(formatWhen(NOVEMBER, 'time')).toBe('14:05:09');
    expect(formatWhen(NOVEMBER.toISOString(), 'short', 'en')).toBe('3 Nov, 14:05');
  });

  it('writes Malay with Malay month names', () => {
    expect(formatWhen(AUGUST, 'short', 'ms')).toBe('3 Ogo, 14:05');
    expect(formatWhen(AUGUST, 'long', 'ms')).toBe('3 Ogo 2026, 14:05');
    expect(formatWhen(new Date(2026, 11, 24, 9, 30), 'short', 'ms')).toBe('24 Dis, 09:30');
    expect(formatWhen(AUGUST, 'time', 'ms')).toBe('14:05:09');
  });

  it('is empty for a missing or unreadable time', () => {
    expect(formatWhen(null)).toBe('');
    expect(formatWhen('', 'short', 'ms')).toBe('');
    expect(formatWhen('not a date', 'long', 'ms')).toBe('');
  });

  it('takes the language from a Translator or the I18n service', () => {
    expect(whenIn(translatorFor('ms'), AUGUST)).toBe('3 Ogo, 14:05');
    expect(whenIn({ language: () => 'en' }, AUGUST)).toBe('3 Aug, 14:05');
  });
});

describe('WhenPipe', () => {
  it("follows the reader's language", () => {
    TestBed.configureTestingModule({ providers: [speakInTests('ms')] });
    const pipe = TestBed.runInInjectionContext(() => new WhenPipe());
    expect(pipe.transform(AUGUST, 'long')).toBe('3 Ogo 2026, 14:05');
    TestBed.inject(I18n).useLoaded('en', 'all', {});
    expect(pipe.transform(AUGUST, 'long')).toBe('3 Aug 2026, 14:05');
  });
});
