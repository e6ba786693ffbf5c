import { translatorFor } from '@sg/i18n/server';
import { formatReplyTime, replySentence } from './reply-notice';

const english = translatorFor('en', 'UTC');

describe('replySentence', () => {
  it('is honest when the team is closed, with the time to expect an answer', () => {
    const sentence = replySentence({ openNow: false, nextOpeningAt: '2026-12-07T09:00:00Z', replyBy: '2026-12-08T17:00:00Z' }, english);
    expect(sentence).toMatch(/^Our team is not here right now\. We will answer by Tuesday 8 December at \d\d:00\.$/);
  });

  it('says when it opens again when no answer is pending, and nothing at all once someone is in touch and open', () => {
    expect(replySentence({ openNow: false, nextOpeningAt: '2026-12-07T09:00:00Z', replyBy: null }, english)).toMatch(
      /^Our team is not here right now\. We open again on Monday 7 December/,
    );
    expect(replySentence({ openNow: true, nextOpeningAt: null, replyBy: null }, english)).toBeNull();
    expect(replySentence(undefined, english)).toBeNull();
  });

  it('says when to expect an answer while open, and that the team is away when it never opens', () => {
    expect(replySentence({ openNow: true, nextOpeningAt: null, replyBy: '2026-12-08T17:00:00Z' }, english)).toBe(
      'We aim to answer by Tuesday 8 December at 17:00.',
    );
    expect(replySentence({ openNow: false, nextOpeningAt: null, replyBy: null }, english)).toBe('Our team is not here right now.');
  });

  it('speaks the page language, with the time written as that language writes it in the reader’s time zone', () => {
    const reply = { openNow: false, nextOpeningAt: '2026-12-07T09:00:00Z', replyBy: '2026-12-08T17:00:00Z' };
    expect(replySentence(reply, translatorFor('es', 'UTC'))).toBe(
      'Nuestro equipo no está disponible ahora. Te responderemos antes del martes, 8 de diciembre, 17:00.',
    );
    expect(replySentence(reply, translatorFor('ms', 'UTC'))).toBe('Pasukan kami tiada sekarang. Kami akan membalas sebelum Selasa, 8 Disember pada 17:00.');
    // Kuala Lumpur is 8 hours ahead of UTC: 17:00 UTC is 01:00 on Wednesday there.
    expect(formatReplyTime('2026-12-08T17:00:00Z', translatorFor('ms', 'Asia/Kuala_Lumpur'))).toBe('Rabu, 9 Disember pada 01:00');
    expect(formatReplyTime('not a date', english)).toBe('');
  });
});
