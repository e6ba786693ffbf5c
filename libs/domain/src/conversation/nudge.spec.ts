import { Translatable } from '../language/translatable';
import { composeNudge, nudgeWords } from './nudge';

/** Says each key with its parameters, so the layout and the choice of words are both visible. */
const echo = (words: Translatable) => `[${words.key}${words.params ? ` ${JSON.stringify(words.params)}` : ''}]`;

// The sentences themselves are in the catalogues (`person.nudge.*`); the server's nudge-words.spec
// checks them in every language, the SMS length included.
describe('composeNudge', () => {
  it('names nobody and links nowhere when the person did not allow the organisation to be named', () => {
    const nudge = composeNudge({ channel: 'email', organisationName: null, readUrl: null }, echo);
    expect(nudge.subject).toBe('[person.nudge.subject]');
    expect(nudge.text).toContain('[person.nudge.readOnSite]');
    expect(nudge.text).not.toMatch(/https?:/);
    expect(nudge.text).toBe('[person.nudge.greeting]\n\n[person.nudge.newMessage]\n\n[person.nudge.readOnSite]\n');
  });

  it('names the organisation and where to read when allowed', () => {
    const nudge = composeNudge({ channel: 'sms', organisationName: 'Safe Harbour', readUrl: 'https://help.example.org/my-case' }, echo);
    expect(nudge).toEqual({
      subject: null,
      text: '[person.nudge.newMessageFrom {"organisation":"Safe Harbour"}] [person.nudge.readAt {"url":"https://help.example.org/my-case"}]',
    });
  });

  it('never links without naming the organisation, nor carries anything but the name and the address', () => {
    const words = nudgeWords({ channel: 'email', organisationName: null, readUrl: 'https://help.example.org/my-case' });
    expect(words.where).toEqual({ key: 'person.nudge.readOnSite' });
    const params = Object.values(nudgeWords({ channel: 'email', organisationName: 'Safe Harbour', readUrl: 'https://x.example/ms/my-case' })).flatMap((w) =>
      Object.values(w.params ?? {}),
    );
    expect(new Set(params)).toEqual(new Set(['Safe Harbour', 'https://x.example/ms/my-case']));
  });
});
