import { InjectQueue } from '@nestjs/bullmq';
import { ConflictException, ForbiddenException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ConversationMessage,
  ConversationMessageEvent,
  MessageAuthor,
  NUDGE_JOBS,
  PersonConversation,
  QUEUES,
  RecordedContactChannel,
  SendNudgeJob,
  StaffConversation,
} from '@sg/contracts';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { StaffPrincipal } from '../auth/staff-principal';
import { assertMayOpenCase, seesEverything } from '../case-core/case-access-policy';
import { caseEventRepository } from '../case-core/case-event.repository';
import { announceLive, notifyCaseChange } from '../case-core/case-notifier';
import { caseQueueRepository } from '../cases/case-queue.repository';
import { caseLinkRepository, PersonHome } from '../case-links/case-link.repository';
import { CaseState, supportCaseRepository } from '../case-core/support-case.repository';
import { CaseFollowUps } from '../case-core/case-follow-ups';
import { QUEUE_WAIT_MS, settledWithin } from '../queue/bounded-wait';
import { DataProtection } from '../security/data-protection';
import { conversationRepository, MessageRow } from './conversation.repository';
import { NUDGE_JOB_OPTIONS, nudgeJobId } from './nudge-job';
import { nudgeRepository } from './nudge.repository';
import { SEAL_CONTEXT } from '../security/seal-contexts';

/** What a message is sealed against: a sealed body moved to another row does not open. */
const sealContext = SEAL_CONTEXT.message;

/**
 * The conversation between the person and the organisation: both sides write, both read. The words
 * are sealed at rest and never logged; every staff read of the thread is audited; a staff message
 * is the case's first contact when it is the first. Side effects (timeline, notification, live
 * event, first contact) happen once per message, however often the sender retries.
 */
@Injectable()
export class ConversationService {
  private readonly logger = new Logger(ConversationService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly protection: DataProtection,
    private readonly followUps: CaseFollowUps,
    @InjectQueue(QUEUES.nudges) private readonly nudges: Queue,
  ) {}

  /**
   * The person's view: the thread, and their unread count before this read (now all read). Two
   * statements and no transaction: under READ COMMITTED each statement reads its own snapshot
   * whether in one or not, so a transaction would not make the two agree any better, and the one
   * write (marking the team's messages read) is a single statement, atomic alone, with nothing that
   * must roll back with it. A transaction would only add BEGIN and COMMIT: two more round trips.
   */
  async personThread(caseId: string): Promise<PersonConversation> {
    const manager = this.dataSource.manager;
    // A merged duplicate's person talks with the team in the original case (case-links/): it is open while that is.
    const { personReference, home } = await this.personHomeOrNotFound(manager, caseId, false);
    const read = await conversationRepository.personRead(manager, caseId);
    return {
      reference: personReference,
      messages: read.messages.map((row) => this.toView(row, 'person')),
      unread: read.marked,
      open: home.status !== 'closed',
    };
  }

  async personSend(personCaseId: string, clientMessageId: string, body: string): Promise<ConversationMessage> {
    return this.followUps.transaction(this.dataSource, async (manager, _replan, prompt) => {
      // Written where the person's records live: a merged duplicate's into its original (its row held), marked as theirs.
      const { home: found } = await this.personHomeHeld(manager, personCaseId);
      const caseId = found.id;
      const stored = await this.store(manager, found, 'person', null, clientMessageId, body, caseId === personCaseId ? null : personCaseId);
      if (stored.created) {
        await caseEventRepository.insert(manager, { caseId, actorKind: 'person', event: { kind: 'person_message', data: {} } });
        // One notification per unanswered run of messages: the holder (or the supervisors) is told once, not per line.
        await prompt(caseId, 'person_message', `person_message:${stored.runStart ?? stored.row.id}`);
        await this.announce(manager, found, 'person');
      }
      return this.toView(stored.row, 'person');
    });
  }

  /**
   * A staff member's view: audited, and marks the thread read for them only. The case first (who
   * may open it depends on who holds it), then the thread, their unread count, the transcript and
   * their read position moved in one statement, then the audit row, which commits with it.
   */
  async staffThread(staff: StaffPrincipal, caseId: string): Promise<StaffConversation> {
    return this.dataSource.transaction(async (manager) => {
      const found = await this.caseOrNotFound(manager, caseId, false);
      await assertMayOpenCase(manager, staff, found.assigneeId);
      const { messages, unread, transcript } = await conversationRepository.staffRead(manager, caseId, staff.id, new Date());
      await recordAudit(manager, { actorId: staff.id, action: 'case.conversation_read', caseId, after: { messages: messages.length } });
      return {
        caseId,
        messages: messages.map((row) => this.toView(row, 'staff')),
        unread,
        firstContactAt: found.firstRespondedAt ? new Date(found.firstRespondedAt).toISOString() : null,
        transcript: transcript
          ? {
              body: this.protection.open<string>(transcript.bodySealed, SEAL_CONTEXT.transcript(caseId)),
              channel: transcript.channel,
              recordedBy: transcript.recordedBy,
              recordedAt: new Date(transcript.recordedAt).toISOString(),
            }
          : null,
      };
    });
  }

  /** How many of the person's messages this member of staff has not read (the tab's label; not a read of the thread). */
  async staffUnread(staff: StaffPrincipal, caseId: string): Promise<{ unread: number }> {
    const found = await this.caseOrNotFound(this.dataSource.manager, caseId, false);
    await assertMayOpenCase(this.dataSource.manager, staff, found.assigneeId);
    return { unread: await this.unread(this.dataSource.manager, caseId, staff.id) };
  }

  async staffSend(staff: StaffPrincipal, caseId: string, clientMessageId: string, body: string): Promise<ConversationMessage> {
    let nudge: string | null = null;
    const sent = await this.followUps.transaction(this.dataSource, async (manager, replan) => {
      const found = await this.caseOrNotFound(manager, caseId, true);
      await assertMayOpenCase(manager, staff, found.assigneeId);
      // Two caseworkers writing to a frightened person at once helps nobody: claim it first.
      if (!seesEverything(staff) && found.assigneeId !== staff.id) throw new ForbiddenException('Claim this case before writing to the person.');
      if (found.status === 'closed') throw new ConflictException('This case is closed. Reopen it to write to the person.');
      const stored = await this.store(manager, found, 'staff', staff.id, clientMessageId, body);
      if (stored.created) {
        // The row is held: when the case shows a first contact, there is nothing to stamp.
        if (found.firstRespondedAt === null) await conversationRepository.stampFirstContact(manager, caseId, stored.row.sentAt);
        await caseEventRepository.insert(manager, {
          caseId,
          actorKind: 'staff',
          actorId: staff.id,
          event: { kind: 'message_sent', data: { firstContact: found.firstRespondedAt === null } },
        });
        await recordAudit(manager, { actorId: staff.id, action: 'case.message_sent', caseId, after: { messageId: stored.row.id } });
        // Writing means having read what came before: storing it moved the writer's read position (conversationRepository.insertOnce).
        // The person hears of it through their channel if they asked to be contacted (nudge.processor.ts).
        if (await nudgeRepository.markPendingIfWanted(manager, caseId, stored.row.id)) nudge = stored.row.id;
        await this.announce(manager, found, 'staff');
        // First contact ends the first-contact escalations, and stops the countdown on every open queue and case page.
        if (found.firstRespondedAt === null) {
          await replan(caseId);
          await notifyCaseChange(manager, 'case.updated', found);
        }
      }
      return this.toView(stored.row, 'staff');
    });
    if (nudge) await this.queueNudge(nudge);
    return sent;
  }

  /**
   * After the commit. Should the queue be unreachable, the worker's sweep finds the pending nudge;
   * should it not answer, the message is sent all the same (bounded-wait.ts).
   */
  private async queueNudge(messageId: string): Promise<void> {
    const queued = this.nudges.add(NUDGE_JOBS.send, { messageId } satisfies SendNudgeJob, { ...NUDGE_JOB_OPTIONS, jobId: nudgeJobId(messageId) }).then(
      () => undefined,
      (error: Error) => this.logger.warn(`Could not queue a nudge now (${error.message}); the sweep will send it`),
    );
    if (!(await settledWithin(queued)))
      this.logger.warn(`The queue backend did not answer within ${QUEUE_WAIT_MS} ms: the nudge is queued when it does, or by the sweep`);
  }

  /**
   * A contact made outside the product: counts as first contact when it is the first (at the time
   * it happened, so the target is measured honestly), is on the timeline and in the audit log.
   */
  async recordContact(staff: StaffPrincipal, caseId: string, channel: RecordedContactChannel, at: Date): Promise<StaffConversation> {
    await this.followUps.transaction(this.dataSource, async (manager, replan) => {
      const found = await this.caseOrNotFound(manager, caseId, true);
      await assertMayOpenCase(manager, staff, found.assigneeId);
      if (!seesEverything(staff) && found.assigneeId !== staff.id) throw new ForbiddenException('Claim this case before recording contact with the person.');
      const firstContact = found.firstRespondedAt === null;
      await conversationRepository.stampFirstContact(manager, caseId, at);
      await caseEventRepository.insert(manager, {
        caseId,
        actorKind: 'staff',
        actorId: staff.id,
        event: { kind: 'contact_recorded', data: { channel, at: at.toISOString(), firstContact } },
      });
      await recordAudit(manager, { actorId: staff.id, action: 'case.contact_recorded', caseId, after: { channel, at: at.toISOString() } });
      if (firstContact) {
        await replan(caseId);
        await notifyCaseChange(manager, 'case.updated', found);
      }
    });
    return this.staffThread(staff, caseId);
  }

  /** The person's messages this member of staff has not read: the queue row's count, for one case. */
  private async unread(manager: EntityManager, caseId: string, staffId: string): Promise<number> {
    return (await caseQueueRepository.unreadMessages(manager, staffId, [caseId])).get(caseId) ?? 0;
  }

  /** The case the person's records live in (their own, or the original theirs was merged into), with their own reference; `lock` holds the home row. */
  private async personHomeOrNotFound(manager: EntityManager, personCaseId: string, lock: boolean): Promise<PersonHome> {
    const found = await caseLinkRepository.homeState(manager, personCaseId, lock);
    if (!found) throw new NotFoundException('No such case');
    return found;
  }

  /**
   * The person's home case, its row held. A merge or unmerge of their case holds both rows, so one
   * that commits while this waits for the row may have moved their home elsewhere: once the row is
   * held (nothing can move it now), a fresh read says where the home is, and a moved home is looked
   * up again. Without this, a message sent during a merge was filed in the merged duplicate, where
   * neither the person nor the team's view of the original shows it.
   */
  private async personHomeHeld(manager: EntityManager, personCaseId: string): Promise<PersonHome> {
    for (let attempt = 1; ; attempt++) {
      const found = await this.personHomeOrNotFound(manager, personCaseId, true);
      if ((await caseLinkRepository.homeIdOf(manager, personCaseId)) === found.home.id || attempt === 3) return found;
    }
  }

  private async caseOrNotFound(manager: EntityManager, caseId: string, lock: boolean): Promise<CaseState> {
    const found = await supportCaseRepository.state(manager, caseId, lock);
    if (!found) throw new NotFoundException('No such case');
    return found;
  }

  /** Stores the message once; a resend answers the first one (a different author's id collides as a conflict). */
  private async store(
    manager: EntityManager,
    found: CaseState,
    authorKind: MessageAuthor,
    authorId: string | null,
    clientMessageId: string,
    body: string,
    originCaseId: string | null = null,
  ): Promise<{ created: boolean; row: MessageRow; runStart: string | null }> {
    const id = randomUUID();
    const stored = await conversationRepository.insertOnce(manager, {
      id,
      caseId: found.id,
      authorKind,
      authorId,
      clientMessageId,
      bodySealed: this.protection.seal(body, sealContext(id)),
      originCaseId,
    });
    if (!stored || stored.row.authorKind !== authorKind || stored.row.authorId !== authorId)
      throw new ConflictException('clientMessageId was already used for another message');
    return stored;
  }

  /** Tells every API process (the staff stream and the person's stream); no words travel. */
  private async announce(manager: EntityManager, found: CaseState, from: MessageAuthor): Promise<void> {
    const event: ConversationMessageEvent = {
      type: 'conversation.message',
      caseId: found.id,
      reference: found.reference,
      assigneeId: found.assigneeId,
      from,
      at: new Date().toISOString(),
    };
    await announceLive(manager, event);
  }

  private toView(row: MessageRow, viewer: MessageAuthor): ConversationMessage {
    return {
      id: row.id,
      from: row.authorKind,
      // The person writes to the team, not to a named member of staff.
      authorName: viewer === 'staff' && row.authorKind === 'staff' ? row.authorName : null,
      body: this.protection.open<string>(row.bodySealed, sealContext(row.id)),
      sentAt: new Date(row.sentAt).toISOString(),
      readByPersonAt: row.readByPersonAt ? new Date(row.readByPersonAt).toISOString() : null,
      nudge: viewer === 'staff' ? row.nudgeStatus : null,
    };
  }
}
