import { flattenCatalogue, Translator } from '@sg/i18n';
import { CATALOGUES, compileIcu } from '@sg/i18n/server';
import { intakeRequestSchema } from '@sg/contracts/schemas';
import { emptyAnswers, toIntakeRequest } from './intake-answers';
import { fieldLabel, friendlyMessage, mapRequestErrors, requestPathToFormPath, stepOfFormPath } from './intake-errors';

/** What the person reads in English: the keys and parameters said through the English catalogue. */
const en = new Translator('en', flattenCatalogue(CATALOGUES.en), { icu: compileIcu });

describe('mapping request errors back to the form', () => {
  const answers = emptyAnswers('GB');
  answers.where.platforms = [
    { platform: '', offenderHandle: '', profileUrl: '' },
    { platform: 'Snapchat', offenderHandle: '', profileUrl: 'not a link' },
  ];
  answers.where.contentUrls = ['', '', 'bad'];

  it('finds the form row behind a request index, skipping blank rows that were never sent', () => {
    expect(requestPathToFormPath('platforms[0].profileUrl', answers)).toBe('where.platforms[1].profileUrl');
    expect(requestPathToFormPath('contentUrls[0]', answers)).toBe('where.contentUrls[2]');
    expect(requestPathToFormPath('consent.storeData', answers)).toBe('contact.storeData');
    expect(requestPathToFormPath('contact.value', answers)).toBe('contact.value');
    expect(requestPathToFormPath('deadlineAt', answers)).toBe('happening.deadline');
    expect(requestPathToFormPath('channel', answers)).toBeNull();
  });

  it('knows which screen each field is on', () => {
    expect(stepOfFormPath('about.ageBand')).toBe(0);
    expect(stepOfFormPath('happening.deadline')).toBe(2);
    expect(stepOfFormPath('where.platforms[1].profileUrl')).toBe(3);
    expect(stepOfFormPath('contact.storeData')).toBe(4);
  });

  it('turns a server 400 into plain messages by field, and the first screen to go back to', () => {
    const mapped = mapRequestErrors(
      [
        { path: 'consent.storeData', message: 'must be true: we cannot keep a case without your consent' },
        { path: 'platforms[0].profileUrl', message: 'must be a full web address starting with http:// or https://' },
        { path: 'channel', message: 'must be one of: web' },
      ],
      answers,
    );
    expect(mapped.firstStep).toBe(3);
    expect(en.text(mapped.fields['where.platforms[1].profileUrl'] ?? { key: '' })).toMatch(/does not look like a web link/);
    expect(en.text(mapped.fields['contact.storeData'] ?? { key: '' })).toMatch(/Please tick this box/);
    expect(mapped.general).toHaveLength(1);
  });

  it('explains contact problems in plain words', () => {
    expect(en.text(friendlyMessage('contact.value', 'is required when the contact channel is email'))).toMatch(/Do not contact me/);
    expect(en.text(friendlyMessage('contact.value', 'must be an email address like name@example.com'))).toMatch(/name@example.com/);
    expect(en.text(friendlyMessage('where.narrative', 'must be at most 5000 characters'))).toBe('This is too long. Please use 5000 characters or fewer.');
    expect(en.text(fieldLabel('where.platforms[1].profileUrl'))).toBe('Profile link (app or site 2)');
  });

  it('gives keys with parameters, taking the limit from the zod issue when there is one (the English message stays for the API)', () => {
    expect(friendlyMessage('where.narrative', 'must be at most 5000 characters')).toEqual({ key: 'person.errors.tooLong', params: { max: 5000 } });
    expect(friendlyMessage('where.platforms', 'Too big', { code: 'too_big', origin: 'array', maximum: 10 })).toEqual({
      key: 'person.errors.tooMany',
      params: { max: 10 },
    });
    expect(friendlyMessage('contact.alias', 'Too big', { code: 'too_big', origin: 'string', maximum: 80 })).toEqual({
      key: 'person.errors.tooLong',
      params: { max: 80 },
    });
    const general = mapRequestErrors([{ path: 'channel', message: 'must be one of: web' }], answers).general;
    expect(general).toEqual([{ key: 'person.errors.notAccepted', params: { path: 'channel', detail: 'must be one of: web' } }]);
    expect(en.text(general[0] ?? { key: '' })).toBe('Something in the form was not accepted (channel: must be one of: web).');
  });

  it("says a server 400 from its codes and params, in the person's language, never in the API's English", () => {
    const fromServer = mapRequestErrors(
      [
        { path: 'narrative', message: 'Too big: expected string to have <=5000 characters', code: 'too_big', params: { maximum: 5000 } },
        { path: 'platforms', message: 'Too big: expected array to have <=10 items', code: 'too_big', params: { maximum: 10 } },
        { path: 'alias', message: 'must not contain a NUL character or half of an emoji', code: 'invalid_text' },
        { path: 'contact.value', message: 'must be an email address like name@example.com', code: 'custom', params: { reason: 'email' } },
        { path: 'submittedBy', message: 'Invalid option: expected one of "victim"|"parent_or_guardian"', code: 'invalid_value' },
        { path: 'channel', message: 'Invalid input: expected "web"', code: 'invalid_value' },
      ],
      answers,
    );
    expect(fromServer.fields).toEqual({
      'where.narrative': { key: 'person.errors.tooLong', params: { max: 5000 } },
      'where.platforms': { key: 'person.errors.tooMany', params: { max: 10 } },
      'contact.alias': { key: 'person.errors.invalidText' },
      'contact.value': { key: 'person.errors.email' },
      'about.submittedBy': { key: 'person.errors.checkThis' },
    });
    expect(fromServer.general).toEqual([{ key: 'person.errors.notAcceptedPlain' }]);
    expect(fromServer.firstStep).toBe(0);
    // Said in Malay and Spanish: none of the API's English words reach the person.
    for (const language of ['ms', 'es'] as const) {
      const say = new Translator(language, flattenCatalogue(CATALOGUES[language]), { icu: compileIcu });
      const shown = [...Object.values(fromServer.fields), ...fromServer.general].map((text) => say.text(text)).join(' ');
      expect(shown).not.toMatch(/Too big|expected|NUL|Invalid|email address like/);
      expect(shown).toContain('5000');
    }
  });

  it('asks for a missing answer in plain words when the server says it is required', () => {
    expect(friendlyMessage('about.ageBand', 'is required', { code: 'required' })).toEqual({ key: 'person.errors.required' });
    expect(friendlyMessage('contact.value', 'is required', { code: 'required' })).toEqual({ key: 'person.errors.contactValueRequired' });
  });

  it("prefers the contract's reason code for a contact value over reading its English message", () => {
    expect(friendlyMessage('contact.value', 'anything', { code: 'custom', reason: 'email' })).toEqual({ key: 'person.errors.email' });
    expect(friendlyMessage('contact.value', 'anything', { code: 'custom', reason: 'required' })).toEqual({ key: 'person.errors.contactValueRequired' });
    expect(friendlyMessage('contact.value', 'anything', { code: 'custom', reason: 'phone' })).toEqual({ key: 'person.errors.phone' });
  });

  it('gets that reason from the contract itself', () => {
    const draft = toIntakeRequest(emptyAnswers('GB'));
    const parsed = intakeRequestSchema.safeParse({
      ...draft,
      consent: { storeData: true, contactMe: true },
      contact: { channel: 'email', value: 'not an email', canMentionOrganisation: false },
    });
    const issue = parsed.success ? undefined : parsed.error.issues.find((i) => i.path.join('.') === 'contact.value');
    expect(issue?.code === 'custom' ? issue.params?.['reason'] : undefined).toBe('email');
  });
});
