import { composeNudge, LANGUAGES, NudgeInput } from '@sg/domain';
import { translatorFor } from '@sg/i18n/server';

/** The nudge as it is sent: composeNudge's layout with the catalogue's `person.nudge.*` words. */
const nudgeIn = (language: (typeof LANGUAGES)[number], input: NudgeInput) => {
  const say = translatorFor(language);
  return composeNudge(input, (words) => say.text(words));
};

describe('nudge words', () => {
  it('reads in English exactly as it always has', () => {
    expect(nudgeIn('en', { channel: 'email', organisationName: null, readUrl: null })).toEqual({
      subject: 'You have a new message',
      text: 'Hello,\n\nYou have a new message.\n\nTo read it, go back to the site where you asked for help and open it with your reference and code.\n',
    });
    expect(nudgeIn('en', { channel: 'sms', organisationName: 'Safe Harbour', readUrl: 'https://help.example.org/my-case' })).toEqual({
      subject: null,
      text: 'You have a new message from Safe Harbour. Read it at https://help.example.org/my-case with your reference and code.',
    });
    expect(nudgeIn('en', { channel: 'email', organisationName: 'Safe Harbour', readUrl: 'https://help.example.org/my-case' }).subject).toBe(
      'You have a new message from Safe Harbour',
    );
  });

  it.each(['ms', 'es'] as const)('is written in %s, naming and linking only as allowed', (language) => {
    const unnamed = nudgeIn(language, { channel: 'email', organisationName: null, readUrl: null });
    const english = nudgeIn('en', { channel: 'email', organisationName: null, readUrl: null });
    expect(unnamed.subject).not.toBe(english.subject);
    expect(unnamed.text).not.toContain('message');
    expect(unnamed.text).not.toMatch(/https?:/);
    const named = nudgeIn(language, { channel: 'sms', organisationName: 'Safe Harbour', readUrl: `https://help.example.org/${language}/my-case` });
    expect(named.text).toContain('Safe Harbour');
    expect(named.text).toContain(`https://help.example.org/${language}/my-case`);
  });

  it.each(LANGUAGES)('keeps an SMS in %s to one short message', (language) => {
    expect(nudgeIn(language, { channel: 'sms', organisationName: null, readUrl: null }).text.length).toBeLessThanOrEqual(160);
  });
});
