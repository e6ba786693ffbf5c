import { resourceEntryUpdateSchema, resourceEntryWriteSchema } from './resource-directory';
import { languagesFallingBack, resourceTextIn } from './resource-texts';

const entry = {
  key: 'xx-helpline',
  jurisdiction: 'GB',
  name: 'A helpline',
  contact: 'Call 0800 000 000',
  purpose: 'support',
  audiences: ['support'],
};

const urlProblem = (url: unknown) => {
  const result = resourceEntryWriteSchema.safeParse({ ...entry, url });
  return result.success ? undefined : result.error.issues.find((issue) => issue.path[0] === 'url')?.message;
};

describe('resource directory entries (admins write them; the public pages link to them)', () => {
  it('accepts an http(s) address, none, or null', () => {
    expect(urlProblem('https://www.samaritans.org')).toBeUndefined();
    expect(urlProblem('http://example.org/help')).toBeUndefined();
    expect(urlProblem(undefined)).toBeUndefined();
    expect(urlProblem(null)).toBeUndefined();
  });

  it("refuses any other scheme: a javascript: link would run in a visitor's browser", () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:fetch("//x")',
      'data:text/html,<script>1</script>',
      'vbscript:msgbox',
      'file:///etc/passwd',
      'ftp://example.org',
    ]) {
      expect(urlProblem(url)).toMatch(/http:\/\/ or https:\/\//);
    }
    expect(resourceEntryUpdateSchema.safeParse({ url: 'javascript:alert(1)' }).success).toBe(false);
  });
});

describe('resource texts in every person language', () => {
  const english = {
    name: 'Emergency services',
    contact: 'Call 999 if you are in danger now',
    description: 'Police, ambulance and fire.',
    whenToUse: 'If you are in danger now.',
  };

  it('keeps the languages that have words and drops blank fields', () => {
    const parsed = resourceEntryWriteSchema.parse({
      ...entry,
      translations: { ms: { name: ' Perkhidmatan kecemasan ', description: '' }, es: { name: '', whenToUse: '  ' } },
    });
    expect(parsed.translations).toEqual({ ms: { name: 'Perkhidmatan kecemasan' } });
  });

  it('requires nothing but English, with the English limits', () => {
    expect(resourceEntryWriteSchema.safeParse({ ...entry, description: '', whenToUse: null }).data).toMatchObject({ description: null, whenToUse: null });
    const tooLong = resourceEntryWriteSchema.safeParse({ ...entry, translations: { es: { name: 'x'.repeat(201) } } });
    expect(tooLong.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['translations.es.name']);
    expect(resourceEntryWriteSchema.safeParse({ ...entry, translations: { fr: { name: 'Services' } } }).success).toBe(false);
  });

  it('reads each field in the chosen language, falling back to English field by field', () => {
    const withMalay = { ...english, translations: { ms: { name: 'Perkhidmatan kecemasan', contact: 'Hubungi 999 jika anda dalam bahaya sekarang' } } };
    expect(resourceTextIn(withMalay, 'ms')).toEqual({ ...english, name: 'Perkhidmatan kecemasan', contact: 'Hubungi 999 jika anda dalam bahaya sekarang' });
    expect(resourceTextIn(withMalay, 'es')).toEqual(english);
    expect(resourceTextIn({ name: 'X', contact: '1' }, 'en')).toEqual({ name: 'X', contact: '1', description: null, whenToUse: null });
  });

  it('flags a language where anything the English entry has is missing', () => {
    const full = { name: 'A', description: 'B', whenToUse: 'C' };
    expect(languagesFallingBack({ ...english, translations: { ms: full, es: { ...full, whenToUse: undefined } } })).toEqual(['es']);
    expect(languagesFallingBack({ ...english, translations: {} })).toEqual(['ms', 'es']);
    // No English description: none to translate.
    expect(languagesFallingBack({ name: 'A', description: null, whenToUse: null, translations: { ms: { name: 'A' }, es: { name: 'A' } } })).toEqual([]);
  });
});
