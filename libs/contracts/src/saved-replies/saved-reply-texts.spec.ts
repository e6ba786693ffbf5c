import { savedReplyChangeSchema, savedReplyInputSchema } from './saved-replies';
import { savedReplyIn, savedReplyLanguagesFallingBack } from './saved-reply-texts';

const reply = {
  title: 'Breathe',
  body: 'Take a slow breath.',
  translations: { ms: { title: 'Tarik nafas', body: 'Tarik nafas perlahan-lahan.' }, es: { title: 'Respira' } },
};

describe('saved reply texts', () => {
  it('says the reply in the person’s language, or in English (and says so) where the message is not written', () => {
    expect(savedReplyIn(reply, 'ms')).toEqual({ title: 'Tarik nafas', body: 'Tarik nafas perlahan-lahan.', language: 'ms' });
    expect(savedReplyIn(reply, 'es')).toEqual({ title: 'Respira', body: 'Take a slow breath.', language: 'en' });
    expect(savedReplyIn(reply, 'en')).toEqual({ title: 'Breathe', body: 'Take a slow breath.', language: 'en' });
    expect(savedReplyIn({ title: 'A', body: 'B' }, 'es')).toEqual({ title: 'A', body: 'B', language: 'en' });
  });

  it('flags a language missing its title or its message', () => {
    expect(savedReplyLanguagesFallingBack(reply)).toEqual(['es']);
    expect(savedReplyLanguagesFallingBack({ translations: {} })).toEqual(['ms', 'es']);
  });

  it('drops blank translations, keeps the English limits, and refuses other languages', () => {
    expect(
      savedReplyInputSchema.parse({ title: 'A', body: 'B', translations: { ms: { title: ' Tajuk ', body: '' }, es: { title: ' ', body: '' } } }).translations,
    ).toEqual({ ms: { title: 'Tajuk' } });
    expect(savedReplyInputSchema.parse({ title: 'A', body: 'B' }).translations).toEqual({});
    const tooLong = savedReplyInputSchema.safeParse({ title: 'A', body: 'B', translations: { es: { body: 'x'.repeat(4001) } } });
    expect(tooLong.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['translations.es.body']);
    expect(savedReplyInputSchema.safeParse({ title: 'A', body: 'B', translations: { fr: { title: 'Salut' } } }).success).toBe(false);
    // A change sends only what changes: retiring a reply leaves its translations alone.
    expect(savedReplyChangeSchema.parse({ active: false })).toEqual({ active: false });
  });
});
