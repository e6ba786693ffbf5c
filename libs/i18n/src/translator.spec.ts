import { LANGUAGES } from '@sg/domain';
import { flattenCatalogue } from './catalogue';
import { argumentNames } from './catalogue-rules';
import { CATALOGUES } from './all-catalogues';
import { compileIcu } from './icu';
import { needsIcu, Translator } from './translator';

describe('Translator', () => {
  // The browser says plain messages without the ICU runtime; this proves it says them exactly as
  // ICU would, for every plain message of every catalogue.
  it.each(LANGUAGES)('says every plain %s message exactly as the ICU runtime does', (language) => {
    const catalogue = flattenCatalogue(CATALOGUES[language]);
    const withoutIcu = new Translator(language, catalogue);
    const withIcu = new Translator(language, catalogue, { icu: compileIcu });
    let plain = 0;
    for (const [key, source] of catalogue) {
      if (needsIcu(source)) continue;
      plain += 1;
      const params = Object.fromEntries([...argumentNames(source, language)].map((name, index) => [name, index % 2 ? `«${name}»` : index + 7]));
      expect([key, withoutIcu.t(key, params)]).toEqual([key, withIcu.t(key, params)]);
    }
    // Most of what the product says is plain: if this fell, the check above would prove little.
    expect(plain).toBeGreaterThan(catalogue.size / 2);
  });

  it('sends plurals, selects and quoting to the ICU runtime', () => {
    expect(needsIcu('{count, plural, one {# day} other {# days}}')).toBe(true);
    expect(needsIcu('{voice, select, helper {Help} other {You}}')).toBe(true);
    expect(needsIcu("Type '{'name'}' here")).toBe(true);
    expect(needsIcu("Hello {name}, it's {time}")).toBe(false);
    expect(needsIcu('Added # accounts')).toBe(false);
  });

  it('fills holes as ICU does and refuses a missing value, as ICU does', () => {
    const catalogue = new Map([['greeting', 'Hello {name}, you have {count}']]);
    const translator = new Translator('en', catalogue);
    expect(translator.t('greeting', { name: 'Ana', count: 3 })).toBe('Hello Ana, you have 3');
    expect(() => translator.t('greeting', { name: 'Ana' })).toThrow(/needs the value "count"/);
    expect(() => new Translator('en', catalogue, { icu: compileIcu }).t('greeting', { name: 'Ana' })).toThrow();
  });

  it('asks for the ICU runtime when a message needs it and shows the words meanwhile', () => {
    const asked: string[] = [];
    const source = '{count, plural, one {# new message} other {# new messages}}';
    const translator = new Translator('en', new Map([['unread', source]]), { onIcuNeeded: () => asked.push('icu') });
    expect(translator.t('unread', { count: 2 })).toBe(source);
    expect(asked).toEqual(['icu']);
    expect(new Translator('en', new Map([['unread', source]]), { icu: compileIcu }).t('unread', { count: 2 })).toBe('2 new messages');
  });

  it('falls back to English, then to the key', () => {
    const translator = new Translator('ms', new Map([['a', 'Satu']]), {
      fallback: new Map([
        ['a', 'One'],
        ['b', 'Two'],
      ]),
    });
    expect([translator.t('a'), translator.t('b'), translator.t('c')]).toEqual(['Satu', 'Two', 'c']);
  });
});
