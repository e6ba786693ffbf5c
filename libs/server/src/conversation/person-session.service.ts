import { Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CONVERSATION_SESSION_IDLE_MINUTES, CONVERSATION_SESSION_MAX_HOURS, ConversationSession } from '@sg/contracts/schemas';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DataProtection } from '../security/data-protection';
import { AccessSessionRow, caseAccessSessionRepository } from './case-access-session.repository';
import { caseByAccessCode } from '../cases/case-by-access-code';

/** Same answer for an unknown reference and a wrong code, as on /my-case: a guess learns nothing. */
export const CASE_NOT_FOUND = 'We could not find a case with that reference and access code.';
export const SESSION_ENDED = 'This page has been closed for your safety. Open your case again with your reference and access code.';

/** 256 random bits: nothing to guess, so a plain hash (no key, no slow hash) is enough to store. */
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The person's short-lived access to their conversation. The reference and access code are sent
 * once, here; the page then uses the session, so the code is not in memory-to-wire traffic on
 * every poll and stream, and quick exit can end it on the server. It ends after
 * CONVERSATION_SESSION_IDLE_MINUTES unused and CONVERSATION_SESSION_MAX_HOURS after it began.
 */
@Injectable()
export class PersonSessionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly protection: DataProtection,
  ) {}

  async open(reference: string, accessCode: string): Promise<ConversationSession> {
    const found = await caseByAccessCode(this.dataSource.manager, this.protection, reference, accessCode, false);
    if (!found) throw new NotFoundException(CASE_NOT_FOUND);
    const sessionToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + CONVERSATION_SESSION_IDLE_MINUTES * 60_000);
    await caseAccessSessionRepository.insert(this.dataSource.manager, { caseId: found.id, tokenHash: hashToken(sessionToken), expiresAt });
    return { sessionToken, expiresAt: expiresAt.toISOString() };
  }

  /** The live session a token names, moved on by this use; 401 when it has ended. */
  async resolve(token: string): Promise<AccessSessionRow> {
    const session = await caseAccessSessionRepository.touch(
      this.dataSource.manager,
      hashToken(token),
      CONVERSATION_SESSION_IDLE_MINUTES,
      CONVERSATION_SESSION_MAX_HOURS,
    );
    if (!session) throw new UnauthorizedException(SESSION_ENDED);
    return session;
  }

  async end(token: string): Promise<void> {
    await caseAccessSessionRepository.end(this.dataSource.manager, hashToken(token));
  }
}
