import { replySentence } from './reply-notice';

describe('replySentence', () => {
  it('is honest when the team is closed, with the time to expect an answer', () => {
    const sentence = replySentence({ openNow: false, nextOpeningAt: '2026-12-07T09:00:00Z', replyBy: '2026-12-08T17:00:00Z' });
    expect(sentence).toMatch(/^Our team is not here right now\. We will answer by Tuesday 8 December at \d\d:00\.$/);
  });

  it('says when it opens again when no answer is pending, and nothing at all once someone is in touch and open', () => {
    expect(replySentence({ openNow: false, nextOpeningAt: '2026-12-07T09:00:00Z', replyBy: null })).toMatch(/^Our team is not here right now\. We open again on Monday 7 December/);
    expect(replySentence({ openNow: true, nextOpeningAt: null, replyBy: null })).toBeNull();
    expect(replySentence(undefined)).toBeNull();
  });
});
