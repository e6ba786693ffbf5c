import { countryName, countryOptions, guessCountry } from './country';

describe('guessCountry', () => {
  it('takes the region of the browser language', () => {
    expect(guessCountry(['en-GB', 'en'])).toBe('GB');
    expect(guessCountry(['ms-MY'])).toBe('MY');
  });

  it('uses the first language that has a region', () => {
    expect(guessCountry(['en', 'en-US'])).toBe('US');
  });

  it('falls back to where a language is most likely spoken', () => {
    expect(guessCountry(['ms'])).toBe('MY');
  });

  it('gives up quietly on nonsense', () => {
    expect(guessCountry([])).toBeNull();
    expect(guessCountry(['not a language tag!'])).toBeNull();
  });
});

describe('countryOptions', () => {
  it('names every country and sorts by name', () => {
    const options = countryOptions();
    expect(options.length).toBeGreaterThan(240);
    expect(countryName('MY')).toBe('Malaysia');
    const names = options.map((option) => option.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });
});
