import { COUNTRY_CODES } from './countries';
import { EMERGENCY_NUMBERS, emergencyNumberFor, emergencyNumberText } from './emergency-numbers';

describe('emergency numbers', () => {
  it('knows the number for the countries the seed directory serves, and for the most populous ones', () => {
    expect(emergencyNumberFor('US')).toBe('911');
    expect(emergencyNumberFor('gb')).toBe('999 or 112');
    expect(emergencyNumberFor('MY')).toBe('999, or 112 from a mobile');
    for (const country of ['CN', 'IN', 'ID', 'PK', 'NG', 'BR', 'BD', 'RU', 'MX', 'JP', 'PH', 'ES', 'FR', 'DE', 'AU'])
      expect(emergencyNumberFor(country)).toMatch(/\d/);
  });

  it('has only real intake countries, each number written as digits people can dial', () => {
    const entries = Object.entries(EMERGENCY_NUMBERS);
    expect(entries.length).toBeGreaterThanOrEqual(175);
    for (const [country, number] of entries) {
      expect(COUNTRY_CODES).toContain(country);
      expect(number).toMatch(/^\d{2,5}\b/);
    }
  });

  it('knows no number for places with none (uninhabited territories) rather than guessing', () => {
    for (const country of ['AQ', 'BV', 'HM']) expect(emergencyNumberFor(country)).toBeUndefined();
    expect(emergencyNumberFor(null)).toBeUndefined();
  });

  it('says each entry as a catalogue key with the numbers as parameters, every entry in a known shape', () => {
    expect(emergencyNumberText('US')).toEqual({ key: 'person.crisis.numbers.one', params: { first: '911' } });
    expect(emergencyNumberText('my')).toEqual({ key: 'person.crisis.numbers.orFromMobile', params: { first: '999', second: '112' } });
    expect(emergencyNumberText('ZA')).toEqual({ key: 'person.crisis.numbers.policeFromMobile', params: { first: '10111', second: '112' } });
    expect(emergencyNumberText(null)).toBeUndefined();
    for (const [country, number] of Object.entries(EMERGENCY_NUMBERS)) {
      const text = emergencyNumberText(country);
      // The fallback passes the whole entry as `first`: only single numbers may end up there.
      if (text?.key === 'person.crisis.numbers.one') expect(text.params?.['first']).toBe(number);
      expect(Object.values(text?.params ?? {}).every((value) => /^\d+$/.test(String(value)))).toBe(true);
    }
  });
});
