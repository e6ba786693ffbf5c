import { CATALOGUES, compileIcu } from '@sg/i18n/server';
import { Translator, flattenCatalogue } from '@sg/i18n';
import { deadlineCountdown, firstResponseCountdown, formatDuration } from './countdown';

const MIN = 60_000;
const HOUR = 60 * MIN;
const now = Date.parse('2026-11-22T12:00:00Z');
const at = (offsetMs: number) => new Date(now + offsetMs).toISOString();

describe('formatDuration', () => {
  it.each([
    [30 * 1000, 'less than a minute'],
    [MIN, '1 min'],
    [42 * MIN + 59 * 1000, '42 min'],
    [HOUR, '1 h'],
    [HOUR + 25 * MIN, '1 h 25 min'],
    [3 * HOUR + 40 * MIN, '3 h'],
    [47 * HOUR, '47 h'],
    [50 * HOUR, '2 days'],
  ])('%d ms reads "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
    expect(formatDuration(-ms)).toBe(text);
  });
});

describe('firstResponseCountdown', () => {
  it('counts down to the target', () => {
    expect(firstResponseCountdown(at(42 * MIN + 10_000), null, now)).toMatchObject({ state: 'due', text: 'due in 42 min' });
  });

  it('says how late once the target has passed', () => {
    expect(firstResponseCountdown(at(-3 * HOUR - 5 * MIN), null, now)).toMatchObject({ state: 'overdue', text: 'overdue by 3 h' });
  });

  it('is overdue at the very moment of the target, never "due in 0 min"', () => {
    expect(firstResponseCountdown(at(0), null, now).state).toBe('overdue');
  });

  it('stops once someone has responded, even if that was late', () => {
    expect(firstResponseCountdown(at(-5 * HOUR), at(-HOUR), now)).toMatchObject({ state: 'responded', text: 'responded' });
  });

  it('does not invent a countdown from a bad date', () => {
    expect(firstResponseCountdown('not a date', null, now)).toMatchObject({ state: 'due', text: 'no target' });
  });
});

describe('deadlineCountdown', () => {
  it('counts down to the deadline in the same words as the first-response countdown', () => {
    expect(deadlineCountdown(at(5 * HOUR + 20 * MIN), now)).toMatchObject({ state: 'near', text: 'deadline in 5 h' });
    expect(deadlineCountdown(at(42 * MIN), now)).toMatchObject({ state: 'near', text: 'deadline in 42 min' });
    expect(deadlineCountdown(at(30 * HOUR), now)).toMatchObject({ state: 'ahead', text: 'deadline in 30 h' });
    expect(deadlineCountdown(at(100 * HOUR), now)).toMatchObject({ state: 'ahead', text: 'deadline in 4 days' });
  });

  it('is near from 24 hours before, when triage makes the case urgent', () => {
    expect(deadlineCountdown(at(24 * HOUR), now)?.state).toBe('near');
    expect(deadlineCountdown(at(24 * HOUR + 1), now)?.state).toBe('ahead');
  });

  it('says the deadline passed at the very moment and after it', () => {
    expect(deadlineCountdown(at(0), now)).toMatchObject({ state: 'passed', text: 'deadline passed' });
    expect(deadlineCountdown(at(-3 * HOUR), now)).toMatchObject({ state: 'passed', text: 'deadline passed' });
  });

  it('shows nothing without a deadline', () => {
    expect(deadlineCountdown(null, now)).toBeNull();
    expect(deadlineCountdown('not a date', now)).toBeNull();
  });
});

describe('the countdowns in the reader’s language', () => {
  const say = (language: 'en' | 'ms') => {
    const catalogue = flattenCatalogue(CATALOGUES[language]);
    return new Translator(language, catalogue, { icu: compileIcu });
  };

  it('says exactly the English words through the English catalogue', () => {
    const en = say('en');
    for (const offset of [30_000, MIN, 42 * MIN, HOUR, HOUR + 25 * MIN, 3 * HOUR, 47 * HOUR, 50 * HOUR, 100 * HOUR]) {
      for (const countdown of [
        firstResponseCountdown(at(offset), null, now),
        firstResponseCountdown(at(-offset), null, now),
        deadlineCountdown(at(offset), now),
      ]) {
        if (countdown) expect(en.text(countdown.says)).toBe(countdown.text);
      }
    }
    for (const countdown of [
      firstResponseCountdown(at(0), at(-HOUR), now),
      firstResponseCountdown('not a date', null, now),
      deadlineCountdown(at(-HOUR), now),
    ]) {
      if (countdown) expect(en.text(countdown.says)).toBe(countdown.text);
    }
  });

  it('says them in Malay', () => {
    const ms = say('ms');
    expect(ms.text(firstResponseCountdown(at(HOUR + 25 * MIN), null, now).says)).toBe('perlu dibalas dalam 1 jam 25 min');
    expect(ms.text(firstResponseCountdown(at(-3 * HOUR), null, now).says)).toBe('lewat 3 jam');
    expect(ms.text(deadlineCountdown(at(100 * HOUR), now)?.says ?? { key: '' })).toBe('tarikh akhir ugutan dalam 4 hari');
  });
});
