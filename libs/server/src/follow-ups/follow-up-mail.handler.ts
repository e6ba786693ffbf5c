import { FOLLOW_UP_JOBS } from '@sg/contracts';
import { FOLLOW_UP_KIND_LABELS, FollowUpKind } from '@sg/domain';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { staffUserRepository } from '../accounts/staff-user.repository';
import { StaffEmail, StaffMailer } from '../mail/staff-mailer';

/**
 * E-mail to staff when a follow-up fires (only with SMTP_URL set): queued as `mail` jobs on the
 * follow-ups queue by the fire, sent by the job. Built and driven by FollowUpProcessor.
 */
export class FollowUpMail {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: StaffMailer,
    private readonly jobs: Queue,
  ) {}

  get enabled(): boolean {
    return this.mailer.enabled;
  }

  /** E-mail as jobs of their own: retried if the mail server is down, and never holding up the fire. */
  async queue(followUp: { id: string; caseId: string; kind: FollowUpKind }, reference: string, recipientIds: string[]): Promise<void> {
    const addresses = await staffUserRepository.emails(this.dataSource, recipientIds);
    const title = `${FOLLOW_UP_KIND_LABELS[followUp.kind] ?? followUp.kind}: ${reference}`;
    await this.jobs.addBulk(
      addresses.map((address) => ({
        name: FOLLOW_UP_JOBS.mail,
        data: { to: address.email, title, caseId: followUp.caseId } satisfies StaffEmail,
        opts: { jobId: `mail_${followUp.id}_${address.id}` },
      })),
    );
  }

  /** The `mail` job: sends one message (a failure is retried by the queue). */
  async send(email: StaffEmail): Promise<{ sent: boolean }> {
    await this.mailer.send(email);
    return { sent: true };
  }
}
