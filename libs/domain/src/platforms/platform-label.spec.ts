import { GENERIC_PLATFORM_KEYS, knownPlatformName, platformLabel, platformText } from './platform-label';

describe('platformLabel', () => {
  it('writes well-known platforms as the companies do, however they were typed', () => {
    expect(platformLabel('instagram')).toBe('Instagram');
    expect(platformLabel('  INSTAGRAM ')).toBe('Instagram');
    expect(platformLabel('tiktok')).toBe('TikTok');
    expect(platformLabel('whatsapp')).toBe('WhatsApp');
    expect(platformLabel('youtube')).toBe('YouTube');
    expect(platformLabel('ig')).toBe('Instagram');
  });

  it('leaves an unknown name as typed', () => {
    expect(platformLabel('some forum')).toBe('some forum');
    expect(platformLabel(null)).toBe('');
  });
});

describe('platformText', () => {
  it('names an app by its name, never translated', () => {
    expect(platformText(' instagram ')).toEqual({ key: 'person.platforms.named', params: { name: 'Instagram' } });
    expect(platformText('some forum')).toEqual({ key: 'person.platforms.named', params: { name: 'some forum' } });
  });

  it("gives generic answers a key of their own, to say in the reader's language", () => {
    expect(platformText('Not sure')).toEqual({ key: 'person.platforms.not_sure' });
    expect(platformText('OTHER')).toEqual({ key: 'person.platforms.other' });
    expect(platformText('a game')).toEqual({ key: 'person.platforms.game' });
    expect(platformText('SMS')).toEqual({ key: 'person.platforms.text_message' });
    expect(GENERIC_PLATFORM_KEYS).toContain('email');
  });
});

describe('knownPlatformName', () => {
  it('names a well-known platform however it was typed, and nothing else', () => {
    expect(knownPlatformName(' INSTAGRAM ')).toBe('Instagram');
    expect(knownPlatformName('ig')).toBe('Instagram');
    expect(knownPlatformName('tik tok')).toBe('TikTok');
    expect(knownPlatformName("Sarah's school forum")).toBeNull();
    expect(knownPlatformName('')).toBeNull();
    expect(knownPlatformName(null)).toBeNull();
  });
});
