import { Logger } from '@nestjs/common';
import { LoggingSmsSender, SmsSender } from './sms-sender';

describe('LoggingSmsSender', () => {
  it('records that a nudge was due, never the number or the words, and says it delivered nothing', async () => {
    const logged: string[] = [];
    const spy = jest.spyOn(Logger.prototype, 'log').mockImplementation((message: unknown) => void logged.push(String(message)));
    const sender: SmsSender = new LoggingSmsSender();
    await sender.send('+1 555 0199', 'You have a new message.');
    spy.mockRestore();
    expect(sender.delivers).toBe(false);
    expect(logged).toHaveLength(1);
    expect(logged.join(' ')).not.toMatch(/555|0199|new message/);
  });
});
