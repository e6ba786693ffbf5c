import { intakeRequestSchema } from '@sg/contracts/schemas';
import { IntakeAnswers, consentProblems, emptyAnswers, localDateTimeToIso, needsCrisisHelp, normaliseUrl, toIntakeRequest } from './intake-answers';

function answers(change: (a: IntakeAnswers) => void): IntakeAnswers {
  const a = emptyAnswers('GB');
  change(a);
  return a;
}

describe('toIntakeRequest', () => {
  it('turns every skipped question into the contract’s "don’t know" answer', () => {
    expect(toIntakeRequest(emptyAnswers('GB'))).toEqual({
      submittedBy: 'victim',
      channel: 'web',
      ageBand: 'unknown',
      contentMadeUnder18: null,
      country: 'GB',
      selfHarm: 'prefer_not_to_say',
      immediateDanger: false,
      deadlineAt: null,
      demands: [],
      contentPosted: 'unknown',
      stillInContact: null,
      paid: null,
      platforms: [],
      contentUrls: [],
      contact: { channel: 'none', canMentionOrganisation: false },
      consent: { storeData: false, contactMe: false },
    });
  });

  it('is accepted by the contract once consent is given, even with everything else skipped', () => {
    const request = toIntakeRequest(answers((a) => (a.contact.storeData = true)));
    expect(intakeRequestSchema.safeParse(request).success).toBe(true);
  });

  it('is refused by the contract without consent, at consent.storeData', () => {
    const result = intakeRequestSchema.safeParse(toIntakeRequest(emptyAnswers('GB')));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['consent.storeData']);
  });

  it('maps every answer a person gives onto the contract', () => {
    const request = toIntakeRequest(
      answers((a) => {
        a.about = { submittedBy: 'parent_or_guardian', ageBand: '13_17', contentMadeUnder18: 'yes' };
        a.safety = { selfHarm: 'thoughts', immediateDanger: 'no' };
        a.happening.demands.money = true;
        a.happening.demands.more_images = true;
        a.happening.deadline = '2026-11-23T18:00';
        a.happening.contentPosted = 'no';
        a.happening.stillInContact = 'yes';
        a.happening.paid = 'no';
        a.where.country = 'US';
        a.where.platforms = [
          { platform: ' Instagram ', offenderHandle: 'bad.actor', profileUrl: 'instagram.com/bad.actor' },
          { platform: '', offenderHandle: '', profileUrl: '' },
          { platform: '', offenderHandle: 'someone', profileUrl: '' },
        ];
        a.where.contentUrls = ['', 'https://example.com/post/1'];
        a.where.narrative = '  It started on a game.  ';
        a.contact = {
          alias: 'Sam',
          channel: 'sms',
          value: '+1 555 010 0200',
          safeTimes: 'after school',
          canMentionOrganisation: 'unknown',
          storeData: true,
          contactMe: true,
        };
      }),
    );

    expect(request).toMatchObject({
      submittedBy: 'parent_or_guardian',
      alias: 'Sam',
      ageBand: '13_17',
      contentMadeUnder18: true,
      country: 'US',
      selfHarm: 'thoughts',
      immediateDanger: false,
      demands: ['money', 'more_images'],
      contentPosted: 'no',
      stillInContact: true,
      paid: false,
      platforms: [
        { platform: 'Instagram', offenderHandle: 'bad.actor', profileUrl: 'https://instagram.com/bad.actor' },
        { platform: 'Not sure', offenderHandle: 'someone' },
      ],
      contentUrls: ['https://example.com/post/1'],
      narrative: 'It started on a game.',
      // "Not sure" about naming the organisation means we do not name it.
      contact: { channel: 'sms', value: '+1 555 010 0200', safeTimes: 'after school', canMentionOrganisation: false },
      consent: { storeData: true, contactMe: true },
    });
    expect(new Date(request.deadlineAt ?? '').getTime()).toBe(new Date(2026, 10, 23, 18, 0).getTime());
    expect(intakeRequestSchema.safeParse(request).success).toBe(true);
  });

  it('drops contact details and contact consent when they chose not to be contacted', () => {
    const request = toIntakeRequest(
      answers((a) => {
        a.contact = { ...a.contact, channel: 'none', value: 'me@example.com', safeTimes: 'any', contactMe: true };
      }),
    );
    expect(request.contact).toEqual({ channel: 'none', canMentionOrganisation: false, declined: true });
    expect(request.consent.contactMe).toBe(false);
  });

  it('sends "I would rather not say" about who is filling it in as the person themself', () => {
    expect(toIntakeRequest(answers((a) => (a.about.submittedBy = 'not_said'))).submittedBy).toBe('victim');
  });

  it('counts only a clear "yes" as immediate danger', () => {
    expect(toIntakeRequest(answers((a) => (a.safety.immediateDanger = 'yes'))).immediateDanger).toBe(true);
    expect(toIntakeRequest(answers((a) => (a.safety.immediateDanger = 'unknown'))).immediateDanger).toBe(false);
  });
});

describe('localDateTimeToIso', () => {
  it('keeps the wall-clock time with the local offset', () => {
    const iso = localDateTimeToIso('2026-11-23T18:05');
    expect(iso).toMatch(/^2026-11-23T18:05:00[+-]\d{2}:\d{2}$/);
    expect(new Date(iso ?? '').getTime()).toBe(new Date(2026, 10, 23, 18, 5).getTime());
  });

  it('gives null for an empty or broken value', () => {
    expect(localDateTimeToIso('')).toBeNull();
    expect(localDateTimeToIso('tonight')).toBeNull();
  });
});

describe('normaliseUrl', () => {
  it('adds https:// to an address pasted without it, and leaves full ones alone', () => {
    expect(normaliseUrl(' snapchat.com/add/x ')).toBe('https://snapchat.com/add/x');
    expect(normaliseUrl('http://example.com')).toBe('http://example.com');
    expect(normaliseUrl('   ')).toBeUndefined();
  });
});

describe('needsCrisisHelp', () => {
  it.each([
    [{ selfHarm: 'thoughts', immediateDanger: null }, true],
    [{ selfHarm: 'plan_or_intent', immediateDanger: 'no' }, true],
    [{ selfHarm: null, immediateDanger: 'yes' }, true],
    [{ selfHarm: 'none', immediateDanger: 'unknown' }, true],
    [{ selfHarm: 'none', immediateDanger: 'no' }, false],
    [{ selfHarm: 'prefer_not_to_say', immediateDanger: null }, false],
  ] as const)('%o → %s', (safety, expected) => {
    expect(needsCrisisHelp({ ...safety })).toBe(expected);
  });
});

describe('consentProblems', () => {
  it('asks someone who chose a way to be contacted to say yes to it (or choose not to be contacted)', () => {
    const chose = answers((a) => (a.contact = { ...a.contact, channel: 'email', value: 'sam@example.com' }));
    expect(consentProblems(chose)).toEqual([{ path: 'consent.contactMe', message: expect.any(String) as unknown }]);
    expect(consentProblems(answers((a) => (a.contact = { ...a.contact, channel: 'email', contactMe: true })))).toEqual([]);
    expect(consentProblems(answers((a) => (a.contact.channel = 'none')))).toEqual([]);
    expect(consentProblems(emptyAnswers('GB'))).toEqual([]);
  });
});
