import { Inject, Injectable, Logger } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';

export interface StaffEmail {
  to: string;
  title: string;
  caseId: string;
}

/**
 * Optional e-mail to staff when a follow-up fires (SMTP_URL set). The message names the kind of
 * follow-up and links to the case; nothing about the person is in it. The product never e-mails
 * the person asking for help: what reaches them must not reveal the case to whoever reads it.
 */
@Injectable()
export class StaffMailer {
  private readonly logger = new Logger(StaffMailer.name);
  private readonly transport: Transporter | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.smtpUrl ? createTransport(config.smtpUrl === 'json' ? { jsonTransport: true } : config.smtpUrl) : undefined;
  }

  get enabled(): boolean {
    return this.transport !== undefined;
  }

  /** Renders the message; kept separate so its content can be checked without sending. */
  message(email: StaffEmail) {
    const link = `${this.config.publicUrl}/staff/cases/${email.caseId}`;
    return {
      from: this.config.mailFrom,
      to: email.to,
      subject: `Follow-up due: ${email.title}`,
      text: `${email.title}\n\nOpen the case: ${link}\n\nYou are getting this because a follow-up fired in Safeguard Triage.`,
    };
  }

  async send(email: StaffEmail): Promise<void> {
    if (!this.transport) return;
    await this.transport.sendMail(this.message(email));
  }
}
