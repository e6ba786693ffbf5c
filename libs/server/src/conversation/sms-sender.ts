import { Injectable, Logger } from '@nestjs/common';

/**
 * Sends an SMS. The product ships no SMS provider: an organisation plugs one in by providing
 * SMS_SENDER with its own implementation (its provider's API). The default only records that a
 * nudge would have gone, never the number or the words: nothing personal is logged, whatever the transport.
 */
export interface SmsSender {
  /** True when a real provider is behind it (a logging sender does not deliver anything). */
  readonly delivers: boolean;
  send(to: string, text: string): Promise<void>;
}

export const SMS_SENDER = Symbol('SMS_SENDER');

@Injectable()
export class LoggingSmsSender implements SmsSender {
  private readonly logger = new Logger('SmsNudge');
  readonly delivers = false;

  // Takes neither the number nor the words (see SmsSender): nothing personal is written anywhere.
  send(): Promise<void> {
    this.logger.log('An SMS nudge was due; no SMS provider is configured, so it was only recorded');
    return Promise.resolve();
  }
}
