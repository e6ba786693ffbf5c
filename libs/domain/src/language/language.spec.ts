import { preferredLanguage } from './language';

describe('preferredLanguage', () => {
  it('takes the first offered language in the browser order, by primary subtag', () => {
    expect(preferredLanguage(['fr-FR', 'es-419', 'ms'])).toBe('es');
    expect(preferredLanguage(['ms-MY', 'en-GB'])).toBe('ms');
    expect(preferredLanguage(['EN_us'])).toBe('en');
  });
  it('reads Indonesian as Malay', () => {
    expect(preferredLanguage(['id-ID'])).toBe('ms');
  });
  it('falls back to English when nothing matches or the list is empty', () => {
    expect(preferredLanguage(['fr', 'de'])).toBe('en');
    expect(preferredLanguage([])).toBe('en');
  });
  it('only picks among the languages offered (the dashboard has no Spanish)', () => {
    expect(preferredLanguage(['es', 'ms'], ['en', 'ms'])).toBe('ms');
    expect(preferredLanguage(['es'], ['en', 'ms'])).toBe('en');
  });
});
