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

describe('countryOptions in the page language', () => {
  it('names countries the way the language does, sorted its way, with no catalogue of names', () => {
    const spanish = countryOptions('es');
    expect(countryName('DE', 'es')).toBe(new Intl.DisplayNames(['es'], { type: 'region' }).of('DE'));
    expect(countryName('DE', 'es')).not.toBe(countryName('DE', 'en'));
    const names = spanish.map((option) => option.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'es')));
    expect(
      countryOptions('ms')
        .map((option) => option.code)
        .sort(),
    ).toEqual(
      countryOptions()
        .map((option) => option.code)
        .sort(),
    );
  });
});
