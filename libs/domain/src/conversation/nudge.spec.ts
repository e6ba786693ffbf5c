import { composeNudge } from './nudge';

describe('composeNudge', () => {
  it('names nobody and links nowhere when the person did not allow the organisation to be named', () => {
    const nudge = composeNudge({ channel: 'email', organisationName: null, readUrl: null });
    expect(nudge.subject).toBe('You have a new message');
    expect(nudge.text).toContain('go back to the site where you asked for help');
    expect(nudge.text).not.toMatch(/https?:/);
  });

  it('names the organisation and where to read when allowed', () => {
    const nudge = composeNudge({ channel: 'sms', organisationName: 'Safe Harbour', readUrl: 'https://help.example.org/my-case' });
    expect(nudge).toEqual({ subject: null, text: 'You have a new message from Safe Harbour. Read it at https://help.example.org/my-case with your reference and code.' });
  });

  it('keeps an SMS to one short message', () => {
    expect(composeNudge({ channel: 'sms', organisationName: null, readUrl: null }).text.length).toBeLessThanOrEqual(160);
  });
});
