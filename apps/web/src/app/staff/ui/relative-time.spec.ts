import { translatorFor } from '@sg/i18n/server';
import { formatDuration } from '../queues/countdown';
import { durationIn, relativeTime as relativeTimeIn } from './relative-time';

const english = translatorFor('en');
const malay = translatorFor('ms');
/** The English reader, as the assertions below were written before the dashboard spoke Malay. */
const relativeTime = (at: Parameters<typeof relativeTimeIn>[1], now: number) => relativeTimeIn(english, at, now);

const NOW = Date.parse('2026-11-22T12:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;

describe('relativeTime', () => {
  it('says how long until a time in the future', () => {
    expect(relativeTime(new Date(NOW + 47 * HOUR + 59 * MIN).toISOString(), NOW)).toBe('in 47 h');
    expect(relativeTime(NOW + 12 * MIN + 30_000, NOW)).toBe('in 12 min');
    expect(relativeTime(NOW + 90 * MIN, NOW)).toBe('in 1 h 30 min');
    expect(relativeTime(NOW + 7 * 24 * HOUR, NOW)).toBe('in 7 days');
  });

  it('says how long ago a past time was', () => {
    expect(relativeTime(new Date(NOW - 2 * HOUR - 10 * MIN), NOW)).toBe('2 h ago');
    expect(relativeTime(NOW - 3 * HOUR, NOW)).toBe('3 h ago');
    expect(relativeTime(NOW - 5 * MIN, NOW)).toBe('5 min ago');
    expect(relativeTime(NOW - 30 * 24 * HOUR, NOW)).toBe('30 days ago');
  });

  it('calls anything within a minute "now"', () => {
    expect(relativeTime(NOW + 59_000, NOW)).toBe('now');
    expect(relativeTime(NOW - 59_000, NOW)).toBe('now');
  });

  it('is empty for a missing or unreadable time', () => {
    expect(relativeTime(null, NOW)).toBe('');
    expect(relativeTime('', NOW)).toBe('');
    expect(relativeTime('not a date', NOW)).toBe('');
  });

  it('says the same in Malay', () => {
    expect(relativeTimeIn(malay, new Date(NOW + 47 * HOUR + 59 * MIN).toISOString(), NOW)).toBe('47 jam lagi');
    expect(relativeTimeIn(malay, NOW + 12 * MIN + 30_000, NOW)).toBe('12 min lagi');
    expect(relativeTimeIn(malay, NOW + 90 * MIN, NOW)).toBe('1 jam 30 min lagi');
    expect(relativeTimeIn(malay, NOW + 7 * 24 * HOUR, NOW)).toBe('7 hari lagi');
    expect(relativeTimeIn(malay, NOW - 2 * HOUR - 10 * MIN, NOW)).toBe('2 jam lalu');
    expect(relativeTimeIn(malay, NOW - 5 * MIN, NOW)).toBe('5 min lalu');
    expect(relativeTimeIn(malay, NOW - 59_000, NOW)).toBe('sekarang');
    expect(relativeTimeIn(malay, 'not a date', NOW)).toBe('');
  });
});

describe('durationIn', () => {
  it('steps from minutes to hours to days like the queue countdowns', () => {
    expect(durationIn(english, 30_000)).toBe('less than a minute');
    expect(durationIn(english, HOUR)).toBe('1 h');
    expect(durationIn(english, -(HOUR + 5 * MIN))).toBe('1 h 5 min');
    expect(durationIn(english, 2 * 24 * HOUR)).toBe('2 days');
    expect(durationIn(malay, 30_000)).toBe('kurang seminit');
    expect(durationIn(malay, HOUR)).toBe('1 jam');
    expect(durationIn(malay, 2 * 24 * HOUR)).toBe('2 hari');
  });

  it("says in English exactly what the queues' formatDuration says", () => {
    for (const ms of [0, 59_000, MIN, 59 * MIN, HOUR, HOUR + 59 * MIN, 2 * HOUR, 47 * HOUR + 59 * MIN, 48 * HOUR, 30 * 24 * HOUR, -5 * MIN]) {
      expect(durationIn(english, ms)).toBe(formatDuration(ms));
    }
  });
});
