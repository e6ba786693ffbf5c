import { TIMELINE_EVENT_KINDS } from '@sg/domain';
import { summariseEvent, summariseTimelineEvent } from './timeline-summary';

describe('timeline summaries of the typed timeline union', () => {
  it('writes a sentence, never a raw key, for every kind of the union (even with its data missing)', () => {
    for (const kind of TIMELINE_EVENT_KINDS) expect(summariseEvent(kind, {}, 'Casey')).not.toMatch(/_/);
  });

  it('summarises a typed entry as it does the stored row', () => {
    const data = { takedownId: 't1', platform: 'Instagram', from: 'draft', to: 'submitted' } as const;
    expect(summariseTimelineEvent({ kind: 'takedown_status_changed', data }, 'Casey')).toBe(summariseEvent('takedown_status_changed', data, 'Casey'));
    expect(summariseTimelineEvent({ kind: 'case_claimed', data: {} }, 'Casey')).toBe('Claimed by Casey');
  });

  it('says who wrote in the conversation and whether it was the first contact, never the words', () => {
    expect(summariseEvent('person_message', {}, null)).toBe('The person sent a message');
    expect(summariseEvent('message_sent', { firstContact: true }, 'Casey')).toBe('Casey wrote to the person (first contact)');
    expect(summariseEvent('message_sent', { firstContact: false }, 'Casey')).toBe('Casey wrote to the person');
  });

  it('re-triage as the deadline nears: a rise, a new factor at the same priority, and an override that stands beside it', () => {
    expect(
      summariseEvent(
        'case_retriaged',
        { from: 'standard', to: 'high', factors: ['deadline_within_72h'], reason: 'The deadline is less than 72 hours away' },
        null,
      ),
    ).toBe("Re-triaged from standard to high (The threatener's deadline is within 72 hours)");
    expect(summariseEvent('case_retriaged', { from: 'urgent', to: 'urgent', factors: ['deadline_passed'], reason: 'The deadline has passed' }, null)).toBe(
      "Re-triaged: still urgent (The threatener's deadline has passed)",
    );
    expect(summariseEvent('case_retriaged', { from: 'high', to: 'urgent', factors: ['deadline_within_24h'], reason: 'x', override: 'standard' }, null)).toBe(
      "Re-triaged from high to urgent (The threatener's deadline is within 24 hours); the priority override (standard) stands",
    );
  });
});
