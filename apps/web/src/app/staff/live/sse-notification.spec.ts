import { toCaseChangeEvent, toNotificationCreatedEvent } from './stream-messages';

describe('toNotificationCreatedEvent', () => {
  const data = { type: 'notification.created', id: 'n1', recipientId: 'u1', at: '2026-11-22T12:00:00Z' };

  it('reads a notification event, from its data or its event name', () => {
    expect(toNotificationCreatedEvent({ event: 'notification.created', data: JSON.stringify(data), id: null })).toEqual(data);
    const { type, ...rest } = data;
    expect(type).toBe('notification.created');
    expect(toNotificationCreatedEvent({ event: 'notification.created', data: JSON.stringify(rest), id: null })?.type).toBe('notification.created');
  });

  it("reads a notification done or handed over elsewhere, so that person's bell reads again", () => {
    const changed = { type: 'notification.changed', id: 'n1', recipientId: 'u2', at: '2026-11-22T12:00:00Z' };
    expect(toNotificationCreatedEvent({ event: 'notification.changed', data: JSON.stringify(changed), id: null })).toEqual(changed);
  });

  it('is not mistaken for a case change, and a case change is not a notification', () => {
    expect(toCaseChangeEvent({ event: 'notification.created', data: JSON.stringify(data), id: null })).toBeNull();
    expect(toNotificationCreatedEvent({ event: 'case.updated', data: JSON.stringify({ type: 'case.updated', caseId: 'c1' }), id: null })).toBeNull();
    expect(toNotificationCreatedEvent({ event: 'notification.created', data: '{"id":"n1"}', id: null })).toBeNull();
    expect(toNotificationCreatedEvent({ event: 'message', data: 'not json', id: null })).toBeNull();
  });
});
