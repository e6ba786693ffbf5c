import { ConfigurationError, loadConfig } from './app-config';

const base = { DATABASE_URL: 'postgres://localhost/x' };

describe('HIGH_ and STANDARD_TARGET_OPENING_HOURS', () => {
  it('default to 8 and 16 opening hours', () => {
    expect(loadConfig(base).targetOpeningHours).toEqual({ high: 8, standard: 16 });
  });

  it('take other values, fractions included', () => {
    expect(loadConfig({ ...base, HIGH_TARGET_OPENING_HOURS: '4.5', STANDARD_TARGET_OPENING_HOURS: '24' }).targetOpeningHours).toEqual({
      high: 4.5,
      standard: 24,
    });
  });

  it('refuse to start on a value that is not a positive number, naming the setting', () => {
    expect(() => loadConfig({ ...base, HIGH_TARGET_OPENING_HOURS: '0' })).toThrow(/HIGH_TARGET_OPENING_HOURS: must be a positive number/);
    expect(() => loadConfig({ ...base, STANDARD_TARGET_OPENING_HOURS: 'two days' })).toThrow(ConfigurationError);
  });
});
