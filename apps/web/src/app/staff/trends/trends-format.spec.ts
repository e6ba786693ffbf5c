import { Translator, flattenCatalogue } from '@sg/i18n';
import { CATALOGUES, compileIcu } from '@sg/i18n/server';
import { formatCount, formatDay, formatSeconds, formatShare } from './trends-format';

const english = new Translator('en', flattenCatalogue(CATALOGUES.en), { icu: compileIcu });
const malay = new Translator('ms', flattenCatalogue(CATALOGUES.ms), { icu: compileIcu });

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
    expect(formatSeconds(seconds, english)).toBe(text);
  });

  it('shows a dash when there is nothing to show', () => {
    expect(formatSeconds(null, english)).toBe('–');
  });

  it('says the units in Malay', () => {
    expect(formatSeconds(42, malay)).toBe('42 saat');
    expect(formatSeconds(3600 + 25 * 60, malay)).toBe('1 jam 25 minit');
    expect(formatSeconds(2.5 * 86400, malay)).toBe('2.5 hari');
  });
});

describe('formatShare', () => {
  it('rounds to whole percent, but never calls a miss 100%', () => {
    expect(formatShare(0.873, english)).toBe('87%');
    expect(formatShare(1, english)).toBe('100%');
    expect(formatShare(0.996, english)).toBe('99%');
    expect(formatShare(0, english)).toBe('0%');
    expect(formatShare(null, english)).toBe('–');
  });

  it('writes the percent as Malay does', () => {
    expect(formatShare(0.873, malay)).toBe('87%');
  });
});

describe('formatCount', () => {
  it('keeps English counts as they were and groups thousands in Malay', () => {
    expect(formatCount(1234, english)).toBe('1234');
    expect(formatCount(1234, malay)).toBe('1,234');
  });
});

describe('formatDay', () => {
  it('writes the calendar day the API sent, whatever the browser zone', () => {
    expect(formatDay('2026-03-29', english)).toBe('Sun 29 Mar');
    expect(formatDay('2026-03-29', english, 'axis')).toBe('29 Mar');
    expect(formatDay('2026-12-01', english, 'long')).toBe('Tue, 1 Dec 2026');
  });

  it('uses Malay day and month names in Malay', () => {
    expect(formatDay('2026-03-29', malay)).toBe('Ahd, 29 Mac');
    expect(formatDay('2026-03-29', malay, 'axis')).toBe('29 Mac');
  });
});
