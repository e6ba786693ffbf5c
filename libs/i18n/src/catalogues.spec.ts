import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, STAFF_LANGUAGES } from '@sg/domain';
import { CATALOGUES, translatorFor } from './all-catalogues';
import { browserPart, browserPartFile } from './catalogue-split';
import { catalogueProblems } from './catalogue-rules';
import sameAsEnglish from './catalogues/same-as-english.json';

describe('the catalogues', () => {
  it('are complete: every key in every language its surface needs, parsing, with the same placeholders, and really translated', () => {
    const problems = catalogueProblems(CATALOGUES, new Set(sameAsEnglish.keys));
    // Printed as lines so a failure names the language and key to fix.
    expect(problems.map((p) => `${p.language} ${p.key}: ${p.problem}${p.detail ? ` (${p.detail})` : ''}`)).toEqual([]);
  });
});

describe('what the browser loads', () => {
  const parts = [...LANGUAGES.map((language) => ['person', language] as const), ...STAFF_LANGUAGES.map((language) => ['staff', language] as const)];
  it.each(parts)('the %s part in %s matches the catalogue (run `node tools/i18n/split-catalogues.mjs` after editing one)', (part, language) => {
    const written: unknown = JSON.parse(readFileSync(join(__dirname, 'catalogues', 'browser', browserPartFile(part, language)), 'utf8'));
    expect(written).toEqual(browserPart(CATALOGUES[language], part));
  });
  it('keeps the nudges on the server and the dashboard off a person’s phone', () => {
    const person = browserPart(CATALOGUES.ms, 'person');
    expect(Object.keys(person)).toEqual(['person']);
    expect(JSON.stringify(person)).not.toContain('"nudge"');
  });
});

describe('catalogueProblems', () => {
  const en = { person: { hello: 'Hello {name}', count: '{n, plural, one {# step} other {# steps}}', brand: 'Take It Down' }, staff: { queue: 'Queue' } };
  it('finds a missing key, a stale key, a broken message, changed placeholders and an untranslated copy', () => {
    const problems = catalogueProblems(
      {
        en,
        ms: { person: { hello: 'Helo {nama}', count: '{n, plural, other {# langkah}', brand: 'Take It Down', extra: 'x' }, staff: { queue: 'Queue' } },
        es: { person: { hello: 'Hola {name}', count: '{n, plural, one {# paso} other {# pasos}}', brand: 'Take It Down' } },
      },
      new Set(['person.brand']),
    );
    expect(problems.map((p) => `${p.language} ${p.key} ${p.problem}`).sort()).toEqual(
      ['ms person.count does not parse', 'ms person.extra not in English', 'ms person.hello placeholders differ', 'ms staff.queue same as English'].sort(),
    );
  });
});

describe('Translator', () => {
  it('formats plurals and parameters in the language', () => {
    const ms = translatorFor('ms');
    expect(ms.t('person.language.switchTo', { language: 'English' })).toBe('Baca halaman ini dalam English');
  });
  it('falls back to English, then to the key', () => {
    const es = translatorFor('es');
    expect(es.t('staff.language.label')).toBe('Dashboard language');
    expect(es.t('person.no.such.key')).toBe('person.no.such.key');
  });
  it('writes dates for the language in the given time zone', () => {
    const at = Date.UTC(2026, 11, 6, 23, 30);
    expect(translatorFor('en', 'Asia/Kuala_Lumpur').dateTime(at, { dateStyle: 'long' })).toBe('7 December 2026');
    expect(translatorFor('es', 'Asia/Kuala_Lumpur').dateTime(at, { dateStyle: 'long' })).toBe('7 de diciembre de 2026');
  });
});
