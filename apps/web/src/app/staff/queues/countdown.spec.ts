import { firstResponseCountdown, formatDuration } from './countdown';

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
    expect(firstResponseCountdown(at(42 * MIN + 10_000), null, now)).toEqual({ state: 'due', text: 'due in 42 min' });
  });

  it('says how late once the target has passed', () => {
    expect(firstResponseCountdown(at(-3 * HOUR - 5 * MIN), null, now)).toEqual({ state: 'overdue', text: 'overdue by 3 h' });
  });

  it('is overdue at the very moment of the target, never "due in 0 min"', () => {
    expect(firstResponseCountdown(at(0), null, now).state).toBe('overdue');
  });

  it('stops once someone has responded, even if that was late', () => {
    expect(firstResponseCountdown(at(-5 * HOUR), at(-HOUR), now)).toEqual({ state: 'responded', text: 'responded' });
  });

  it('does not invent a countdown from a bad date', () => {
    expect(firstResponseCountdown('not a date', null, now)).toEqual({ state: 'due', text: 'no target' });
  });
});
