import { IntakeRequest } from '@sg/contracts';

/** A complete, valid public intake: a 15-year-old in the US, money demanded, still in contact. */
export function intakeFixture(changes: Partial<IntakeRequest> = {}): IntakeRequest {
  return {
    submittedBy: 'victim',
    channel: 'web',
    ageBand: '13_17',
    contentMadeUnder18: true,
    country: 'US',
    selfHarm: 'none',
    immediateDanger: false,
    deadlineAt: null,
    demands: ['money'],
    contentPosted: 'no',
    stillInContact: true,
    paid: false,
    platforms: [{ platform: 'Instagram', offenderHandle: '@threatener.01', profileUrl: 'https://instagram.com/threatener.01' }],
    contentUrls: [],
    narrative: 'Someone I met in a game says they will send my pictures to my school unless I pay.',
    contact: { channel: 'email', value: 'teen.person@example.com', safeTimes: 'after 4pm', canMentionOrganisation: false },
    consent: { storeData: true, contactMe: true },
    ...changes,
  };
}

/** Everything skipped but consent, as the form sends it. */
export function skippedIntakeFixture(): IntakeRequest {
  return {
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
    consent: { storeData: true, contactMe: false },
  };
}
