import { platformLabel } from './platform-label';

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
