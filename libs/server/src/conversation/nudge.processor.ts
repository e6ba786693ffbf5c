import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NUDGE_JOBS, QUEUES, SendNudgeJob } from '@sg/contracts';
import { composeNudge, Language, isRecord } from '@sg/domain';
import { translatorFor } from '@sg/i18n/server';
import { Job, Queue } from 'bullmq';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { organisationRepository } from '../accounts/organisation.repository';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { RepeatingJob, RepeatingJobs } from '../queue/repeating-jobs';
import { DataProtection } from '../security/data-protection';
import { NUDGE_JOB_OPTIONS, nudgeJobId } from './nudge-job';
import { nudgeRepository } from './nudge.repository';
import { SMS_SENDER, SmsSender } from './sms-sender';
import { SEAL_CONTEXT } from '../security/seal-contexts';

const SWEEP_EVERY_MS = 30_000;

/** The person's case page in their language (`/ms/my-case`; English has no prefix, as the web app's routes). */
function caseUrl(publicUrl: string, language: Language): string {
  return language === 'en' ? `${publicUrl}/my-case` : `${publicUrl}/${language}/my-case`;
}

/** The contact detail as the intake sealed it. */
interface SealedContact {
  channel: string;
  value?: string;
  canMentionOrganisation: boolean;
}

/**
 * Tells the person a new message is waiting, through the channel they gave (e-mail or SMS), at
 * most once per message: the pending row is locked while sending and marked after. What it says
 * is composeNudge's (libs/domain) in the case's language: never the case, the reference, the code or the words. Nothing
 * about the person is logged: not the address, not the number, not the text.
 */
@Processor(QUEUES.nudges, { concurrency: 4 })
export class NudgeProcessor extends WorkerHost {
  private readonly logger = new Logger(NudgeProcessor.name);
  private readonly mail: Transporter | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly protection: DataProtection,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(QUEUES.nudges) private readonly queue: Queue,
  ) {
    super();
    this.mail = config.smtpUrl ? createTransport(config.smtpUrl === 'json' ? { jsonTransport: true } : config.smtpUrl) : undefined;
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === NUDGE_JOBS.send) return this.send(sendNudgeJobOf(job.data).messageId);
    if (job.name === NUDGE_JOBS.sweep) return this.sweep();
    throw new Error(`No handler for nudge job "${job.name}"`);
  }

  /** Sends one nudge; answers what became of it (`none`: not pending, already done or never needed). */
  async send(messageId: string): Promise<'sent' | 'undeliverable' | 'none'> {
    return this.dataSource.transaction(async (manager) => {
      const pending = await nudgeRepository.lockPending(manager, messageId);
      if (!pending) return 'none';
      const contact = pending.contactSealed ? this.protection.open<SealedContact>(pending.contactSealed, SEAL_CONTEXT.contact(pending.caseId)) : null;
      // Consent or the channel may have changed since the message was written: check again.
      const channel = contact?.channel === 'email' || contact?.channel === 'sms' ? contact.channel : null;
      if (!pending.consentContact || !channel || !contact?.value) {
        await nudgeRepository.finish(manager, messageId, 'undeliverable');
        return 'undeliverable';
      }
      const organisationName = contact.canMentionOrganisation ? await organisationRepository.installationName(manager) : null;
      // In the case's language (intake, or the person's switch on /my-case), and the link opens the page in it.
      const say = translatorFor(pending.language);
      const nudge = composeNudge({ channel, organisationName, readUrl: organisationName ? caseUrl(this.config.publicUrl, pending.language) : null }, (words) =>
        say.text(words),
      );
      let delivered: boolean;
      if (channel === 'email') {
        delivered = this.mail !== undefined;
        if (this.mail) {
          await this.mail.sendMail({
            from: organisationName ? this.config.nudgeFromNamed : this.config.nudgeFromNeutral,
            to: contact.value,
            subject: nudge.subject ?? say.t('person.nudge.subject'),
            text: nudge.text,
          });
        }
      } else {
        await this.sms.send(contact.value, nudge.text);
        delivered = this.sms.delivers;
      }
      const status = delivered ? 'sent' : 'undeliverable';
      await nudgeRepository.finish(manager, messageId, status);
      if (!delivered) this.logger.warn(`A ${channel} nudge could not be delivered: no ${channel === 'email' ? 'SMTP_URL' : 'SMS provider'} is configured`);
      return status;
    });
  }

  /** Queues any nudge still pending after a while (its job was never added, or was lost). */
  async sweep(): Promise<number> {
    const stale = await nudgeRepository.stalePending(this.dataSource.manager, 20, 500);
    for (const messageId of stale)
      await this.queue.add(NUDGE_JOBS.send, { messageId } satisfies SendNudgeJob, { ...NUDGE_JOB_OPTIONS, jobId: nudgeJobId(messageId) });
    return stale.length;
  }
}

/** Keeps the nudge sweep scheduled, also after the queue backend lost its data (queue/repeating-jobs.ts). */
@Injectable()
export class NudgeSweepScheduler extends RepeatingJobs {
  protected readonly logger = new Logger(NudgeSweepScheduler.name);

  constructor(@InjectQueue(QUEUES.nudges) private readonly queue: Queue) {
    super();
  }

  protected repeatingJobs(): RepeatingJob[] {
    return [{ queue: this.queue, name: NUDGE_JOBS.sweep, every: SWEEP_EVERY_MS, data: () => ({}) }];
  }
}

/** A send job's payload, as this server queued it (see NudgeScheduler); anything else is a bug, named. */
function sendNudgeJobOf(data: unknown): SendNudgeJob {
  if (isRecord(data) && typeof data['messageId'] === 'string') return { messageId: data['messageId'] };
  throw new Error(`A ${NUDGE_JOBS.send} job without a message id`);
}
