import { Logger } from '@nestjs/common';
import { CaseChangeEvent, LiveMessage } from '@sg/contracts';
import { unitConfig } from '../testing/unit-config';
import { CaseEventsService } from './case-events.service';

const change = (caseId: string): CaseChangeEvent => ({
  type: 'case.created',
  caseId,
  reference: 'ABCD-2345',
  priority: 'urgent',
  status: 'new',
  assigneeId: null,
  at: new Date(0).toISOString(),
});

describe('CaseEventsService listeners', () => {
  // Not connected: deliver() is what a notification from PostgreSQL calls.
  const service = () => new CaseEventsService(unitConfig());

  it('hands each change, the same object, to every listener and to changes$, in order, until a listener stops', () => {
    const events = service();
    const first: LiveMessage[] = [];
    const second: LiveMessage[] = [];
    const observed: LiveMessage[] = [];
    const stopFirst = events.listen((message) => first.push(message));
    events.listen((message) => second.push(message));
    const subscription = events.changes$.subscribe((message) => observed.push(message));
    const [a, b] = [change('a'), change('b')];
    events.deliver(a);
    stopFirst();
    events.deliver(b);
    subscription.unsubscribe();
    expect(first).toEqual([a]);
    expect(second).toEqual([a, b]);
    expect(second[0]).toBe(a);
    expect(observed).toEqual([a, b]);
  });

  it('keeps delivering to the others when one listener throws', () => {
    const events = service();
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const heard: string[] = [];
    events.listen(() => {
      throw new Error('socket gone');
    });
    events.listen((message) => heard.push(message.type === 'case.created' ? message.caseId : message.type));
    events.deliver(change('a'));
    expect(heard).toEqual(['a']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('socket gone'));
    warn.mockRestore();
  });
});
