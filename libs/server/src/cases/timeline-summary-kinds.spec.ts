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

  it('keeps the conversation entries as they read before the union', () => {
    expect(summariseEvent('person_message', {}, null)).toBe('Person message');
    expect(summariseEvent('message_sent', { firstContact: true }, 'Casey')).toBe('Message sent');
  });
});
