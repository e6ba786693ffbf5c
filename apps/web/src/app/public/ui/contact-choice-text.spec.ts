import { flattenCatalogue, Translator } from '@sg/i18n';
import { CATALOGUES, compileIcu } from '@sg/i18n/server';
import { contactChoiceText } from './contact-choice-text';

/** What the person reads in English: the keys and parameters said through the English catalogue. */
const en = new Translator('en', flattenCatalogue(CATALOGUES.en), { icu: compileIcu });
const say = (text: Parameters<Translator['text']>[0]) => en.text(text);

describe('contactChoiceText', () => {
  it('says how someone will reach out while nobody has, and keeps saying so once the case is picked up', () => {
    expect(say(contactChoiceText({ kind: 'by_channel', channel: 'sms' }, 'within an hour'))).toBe(
      'Someone from our team will try to contact you by text message within an hour.',
    );
    expect(say(contactChoiceText({ kind: 'by_channel', channel: 'sms' }, null))).toBe(
      'Someone from our team is working on your case and will contact you by text message.',
    );
  });

  it('tells someone who chose "Do not contact me" and someone who skipped the question different, true things', () => {
    expect(say(contactChoiceText({ kind: 'declined' }, null))).toMatch(/^You asked us not to contact you/);
    expect(say(contactChoiceText({ kind: 'not_said' }, null))).toMatch(/^You did not give us a way to contact you/);
    expect(say(contactChoiceText(undefined, null))).not.toMatch(/asked us not to/);
  });
});
