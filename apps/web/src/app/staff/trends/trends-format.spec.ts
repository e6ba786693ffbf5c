import { formatDay, formatSeconds, formatShare } from './trends-format';

describe('formatSeconds', () => {
  it.each([
    [0.9, '0.9 s'],
    [42, '42 s'],
    [15 * 60, '15 min'],
    [59.6 * 60, '60 min'],
    [3600, '1 h'],
    [3600 + 25 * 60, '1 h 25 min'],
    [2 * 3600 + 59.8 * 60, '3 h'],
    [14 * 3600, '14 h'],
    [47 * 3600, '47 h'],
    [2.5 * 86400, '2.5 days'],
  ])('%d s reads "%s"', (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
  });

  it('shows a dash when there is nothing to show', () => {
    expect(formatSeconds(null)).toBe('–');
  });
});

describe('formatShare', () => {
  it('rounds to whole percent, but never calls a miss 100%', () => {
    expect(formatShare(0.873)).toBe('87%');
    expect(formatShare(1)).toBe('100%');
    expect(formatShare(0.996)).toBe('99%');
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(null)).toBe('–');
  });
});

describe('formatDay', () => {
  it('writes the calendar day the API sent, whatever the browser zone', () => {
    expect(formatDay('2026-03-29')).toBe('Sun 29 Mar');
    expect(formatDay('2026-03-29', 'axis')).toBe('29 Mar');
    expect(formatDay('2026-12-01', 'long')).toBe('Tue, 1 Dec 2026');
  });
});
