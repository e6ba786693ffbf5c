import { COUNTRY_CODES } from './countries';
import { EMERGENCY_NUMBERS, emergencyNumberFor } from './emergency-numbers';

describe('emergency numbers', () => {
  it('knows the number for the countries the seed directory serves, and for the most populous ones', () => {
    expect(emergencyNumberFor('US')).toBe('911');
    expect(emergencyNumberFor('gb')).toBe('999 or 112');
    expect(emergencyNumberFor('MY')).toBe('999, or 112 from a mobile');
    for (const country of ['CN', 'IN', 'ID', 'PK', 'NG', 'BR', 'BD', 'RU', 'MX', 'JP', 'PH', 'ES', 'FR', 'DE', 'AU']) expect(emergencyNumberFor(country)).toMatch(/\d/);
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
});
