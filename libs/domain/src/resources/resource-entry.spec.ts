import { RESOURCE_DIRECTORY_SEED } from './resource-directory-seed';
import { ResourceFacts, selectCrisisResources, selectResources } from './resource-entry';

const adultUs: ResourceFacts = {
  country: 'US',
  ageBand: '18_plus',
  contentMadeUnder18: false,
  selfHarm: 'none',
  immediateDanger: false,
  paid: false,
  demands: [],
};
const names = (facts: Partial<ResourceFacts>) => selectResources(RESOURCE_DIRECTORY_SEED, { ...adultUs, ...facts }).map((r) => r.key);

describe('selectResources', () => {
  it('gives an adult in the US the FBI, StopNCII and legal help, not child routes or crisis lines', () => {
    const keys = names({});
    expect(keys).toEqual(expect.arrayContaining(['us-fbi', 'any-stopncii', 'us-ccri', 'any-local-police']));
    expect(keys).not.toContain('us-ncmec-cybertipline');
    expect(keys).not.toContain('any-take-it-down');
    expect(keys).not.toContain('us-988');
  });

  it('gives a minor in the US the CyberTipline and Take It Down', () => {
    const keys = names({ ageBand: '13_17', contentMadeUnder18: null });
    expect(keys).toEqual(expect.arrayContaining(['us-ncmec-cybertipline', 'any-take-it-down']));
    expect(keys).not.toContain('any-stopncii');
  });

  it('gives both routes when the age is unknown', () => {
    expect(names({ ageBand: 'unknown', contentMadeUnder18: null })).toEqual(
      expect.arrayContaining(['any-take-it-down', 'any-stopncii', 'us-ncmec-cybertipline']),
    );
  });

  it('puts crisis lines first when there is any risk of self-harm, country before anywhere', () => {
    const keys = names({ selfHarm: 'thoughts' });
    expect(keys.slice(0, 2)).toEqual(['us-emergency', 'us-988']);
    // The worldwide "Emergency services" gives way to the country's own.
    expect(keys).not.toContain('any-emergency');
  });

  it('gives the crisis lines to someone who prefers not to say whether they might hurt themselves', () => {
    expect(names({ selfHarm: 'prefer_not_to_say' })).toContain('us-988');
    expect(names({ selfHarm: 'none' })).not.toContain('us-988');
  });

  it('adds IC3 for financial sextortion', () => {
    expect(names({ demands: ['money'] })).toContain('us-ic3');
    expect(names({})).not.toContain('us-ic3');
  });

  it('uses only the visitor’s country and the worldwide entries', () => {
    const keys = names({ country: 'MY', ageBand: '13_17' });
    expect(keys).toContain('my-cyber999');
    expect(keys.some((k) => k.startsWith('us-') || k.startsWith('gb-'))).toBe(false);
    expect(names({ country: 'gb', ageBand: '13_17' })).toEqual(expect.arrayContaining(['gb-ceop', 'gb-report-remove']));
  });

  it('explains each suggestion in plain words', () => {
    const minor = selectResources(RESOURCE_DIRECTORY_SEED, { ...adultUs, ageBand: '13_17' });
    expect(minor.find((r) => r.key === 'any-take-it-down')?.reason).toEqual({ key: 'person.resourceReasons.minors' });
  });
});

describe('selectCrisisResources', () => {
  it('lists only crisis contacts for the country and anywhere', () => {
    expect(selectCrisisResources(RESOURCE_DIRECTORY_SEED, 'MY').map((r) => r.key)).toEqual(['my-emergency', 'my-befrienders-kl', 'my-mhpss']);
  });

  it('still gives the emergency number for a country the directory does not cover, then the worldwide helpline directories', () => {
    expect(selectCrisisResources(RESOURCE_DIRECTORY_SEED, 'FR').map((r) => r.key)).toEqual(['any-emergency', 'any-find-a-helpline', 'any-befrienders']);
  });

  it('leaves the worldwide helpline directories out where the country has crisis lines of its own', () => {
    expect(selectCrisisResources(RESOURCE_DIRECTORY_SEED, 'MY').map((r) => r.key)).not.toContain('any-find-a-helpline');
    const adultNotAtRisk = selectResources(RESOURCE_DIRECTORY_SEED, {
      country: 'MY',
      ageBand: '18_plus',
      contentMadeUnder18: false,
      selfHarm: 'none',
      immediateDanger: false,
      paid: true,
      demands: ['money'],
    });
    expect(adultNotAtRisk.map((r) => r.key)).toEqual(expect.arrayContaining(['my-nsrc', 'my-pdrm-ccid']));
    expect(adultNotAtRisk.map((r) => r.key)).not.toContain('any-befrienders');
  });
});

describe('the seeded directory', () => {
  it('lists the Malaysian psychosocial support line for support as well as self-harm risk (the domain guide)', () => {
    const entry = RESOURCE_DIRECTORY_SEED.find((candidate) => candidate.key === 'my-mhpss');
    expect(entry?.audiences).toEqual(expect.arrayContaining(['self_harm', 'support']));
    const calm = selectResources(RESOURCE_DIRECTORY_SEED, {
      country: 'MY',
      ageBand: '18_plus',
      contentMadeUnder18: false,
      selfHarm: 'none',
      immediateDanger: false,
      paid: null,
      demands: [],
    });
    expect(calm.find((resource) => resource.key === 'my-mhpss')?.reason).toEqual({ key: 'person.resourceReasons.support' });
  });

  it('keeps the keyword in the Crisis Text Line instruction (the page turns it into the message to send)', () => {
    expect(RESOURCE_DIRECTORY_SEED.find((candidate) => candidate.key === 'us-crisis-text-line')?.contact).toMatch(/^Text THORN to 741741$/);
  });
});
