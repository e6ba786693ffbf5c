import { looksLikeMediaLink } from './image-link';

describe('looksLikeMediaLink', () => {
  it.each([
    'here it is https://example.com/photos/me.JPG',
    'https://example.com/clip.mp4?x=1',
    'see https://i.imgur.com/abc',
    'https://www.dropbox.com/s/xyz/thing',
    'data:image/png;base64,AAAA',
  ])('warns about %s', (text) => {
    expect(looksLikeMediaLink(text)).toBe(true);
  });

  it.each(['he is https://instagram.com/badguy123', 'I paid to https://example.com/pay?ref=1', 'no links at all, just words about a photo.jpg', 'http://'])(
    'does not warn about %s',
    (text) => {
      expect(looksLikeMediaLink(text)).toBe(false);
    },
  );
});
