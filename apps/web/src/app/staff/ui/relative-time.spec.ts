import { relativeTime } from './relative-time';

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
});
