import { SseParser } from '../../system/live/sse-parser';
import { toCaseChangeEvent } from './stream-messages';
import { itemAt } from '@sg/domain';

const created = {
  type: 'case.created',
  caseId: '0b6e3a2c-1111-4222-8333-944455556666',
  reference: 'SG-7K3M-9QXD',
  priority: 'emergency',
  status: 'new',
  assigneeId: null,
  at: '2026-11-22T12:00:00.000Z',
};

describe('SseParser', () => {
  it('reads an event with its name and JSON data', () => {
    const events = new SseParser().push(`event: case.created\ndata: ${JSON.stringify(created)}\n\n`);
    expect(events).toHaveLength(1);
    expect(events[0]?.event).toBe('case.created');
    expect(JSON.parse(itemAt(events, 0, 'event').data)).toEqual(created);
  });

  it('joins an event split across network chunks at any point', () => {
    const text = `id: 7\nevent: case.claimed\ndata: {"a":1}\n\n`;
    for (let cut = 1; cut < text.length; cut++) {
      const parser = new SseParser();
      const events = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut))];
      expect(events).toEqual([{ event: 'case.claimed', data: '{"a":1}', id: '7' }]);
    }
  });

  it('accepts CRLF and CR line endings, including a CRLF split between chunks', () => {
    const parser = new SseParser();
    expect(parser.push('data: one\r')).toEqual([]);
    // The LF completing the CRLF must not count as a second (blank) line.
    expect(parser.push('\ndata: more\r\n\r\n')).toEqual([{ event: 'message', data: 'one\nmore', id: null }]);
    expect(parser.push('data: two\r\r')).toEqual([{ event: 'message', data: 'two', id: null }]);
  });

  it('ignores comments (heartbeats) and events without data', () => {
    const parser = new SseParser();
    expect(parser.push(': keep-alive\n\nevent: ping\n\n')).toEqual([]);
  });

  it('joins several data lines with newlines and strips one leading space only', () => {
    expect(new SseParser().push('data:  a\ndata:b\n\n')).toEqual([{ event: 'message', data: ' a\nb', id: null }]);
  });

  it('gives several events from one chunk in order, and keeps a partial one for later', () => {
    const parser = new SseParser();
    const events = parser.push('data: 1\n\ndata: 2\n\ndata: 3');
    expect(events.map((event) => event.data)).toEqual(['1', '2']);
    expect(parser.push('\n\n').map((event) => event.data)).toEqual(['3']);
  });

  it("remembers the server's retry advice", () => {
    const parser = new SseParser();
    parser.push('retry: 5000\n\n');
    expect(parser.retryMs).toBe(5000);
  });
});

describe('toCaseChangeEvent', () => {
  it('reads a case change', () => {
    expect(toCaseChangeEvent({ event: 'case.created', data: JSON.stringify(created), id: null })).toEqual(created);
  });

  it('takes the type from the event name when the data lacks it', () => {
    const { type, ...rest } = created;
    expect(type).toBe('case.created');
    expect(toCaseChangeEvent({ event: 'case.assigned', data: JSON.stringify(rest), id: null })?.type).toBe('case.assigned');
  });

  it('keeps a signal about a case this person may not open a signal: no reference, priority, status or holder to read', () => {
    const signal = { type: 'case.claimed', caseId: 'c2', at: '2026-11-22T12:01:00Z' };
    expect(toCaseChangeEvent({ event: 'case.claimed', data: JSON.stringify(signal), id: null })).toEqual(signal);
  });

  it('drops anything that is not a case change', () => {
    expect(toCaseChangeEvent({ event: 'message', data: 'hello', id: null })).toBeNull();
    expect(toCaseChangeEvent({ event: 'message', data: '{"type":"other","caseId":"x"}', id: null })).toBeNull();
    expect(toCaseChangeEvent({ event: 'case.created', data: '{"type":"case.created"}', id: null })).toBeNull();
  });
});
