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
    expect(en.text(friendlyMessage('where.narrative', 'must be at most 5000 characters'))).toBe(
      'This is too long. Please use 5000 characters or fewer.',
    );
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

  it('prefers the contract\'s reason code for a contact value over reading its English message', () => {
    expect(friendlyMessage('contact.value', 'anything', { code: 'custom', reason: 'email' })).toEqual({ key: 'person.errors.email' });
    expect(friendlyMessage('contact.value', 'anything', { code: 'custom', reason: 'required' })).toEqual({ key: 'person.errors.contactValueRequired' });
    expect(friendlyMessage('contact.value', 'anything', { code: 'custom', reason: 'phone' })).toEqual({ key: 'person.errors.phone' });
  });

  it('gets that reason from the contract itself', () => {
    const draft = toIntakeRequest(emptyAnswers('GB'));
    const parsed = intakeRequestSchema.safeParse({ ...draft, consent: { storeData: true, contactMe: true }, contact: { channel: 'email', value: 'not an email', canMentionOrganisation: false } });
    const issue = parsed.success ? undefined : parsed.error.issues.find((i) => i.path.join('.') === 'contact.value');
    expect(issue?.code === 'custom' ? issue.params?.['reason'] : undefined).toBe('email');
  });
});
