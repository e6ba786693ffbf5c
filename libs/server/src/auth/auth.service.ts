import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { SecondFactorChallenge, StaffUserView } from '@sg/contracts';
import { StaffLanguage } from '@sg/domain';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { verify } from 'argon2';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { staffUserRepository } from '../accounts/staff-user.repository';
import { recordAudit } from '../audit/record-audit';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { SecondFactorProof, SignInSecondFactor } from './sign-in-second-factor';
import { LoginThrottle } from './login-throttle';
import { StaffPrincipal } from './staff-principal';
import { StaffSessionCache } from './staff-session.cache';
import { staffSessionRepository } from './staff-session.repository';

export interface LoginResult {
  accessToken: string;
  /** Who signed in, with the dashboard language the web loads before showing anything. */
  user: StaffUserView;
  /** The role requires a second factor the account has not enrolled: the token reaches enrolment only. */
  enrolmentRequired?: true;
}

export interface SessionResult extends LoginResult {
  /** The new refresh token for the session cookie. */
  refreshToken: string;
  refreshExpiresAt: Date;
}

/** A hash of a random password: verified when the email is unknown, so timing reveals nothing. */
const DUMMY_HASH = '$argon2id$v=19$m=65536,p=4,t=3$W7qlmfF/eHJ8b1wC3pPo5g$IXztferTj4xu1z2ke1tUEuVZWzZDO2rSrr7WlnUdUe4';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * A rotated refresh token used again within this many seconds is a second tab that renewed at
 * the same moment with the same cookie (it gets a 401 and nothing else ends); used later, it is a
 * copy, and the whole sign-in ends.
 */
export const REFRESH_REUSE_GRACE_SECONDS = 5;

/** How long the password step's challenge waits for the code. */
export const SECOND_FACTOR_CHALLENGE_SECONDS = 5 * 60;
const CHALLENGE_PURPOSE = 'second-factor';

interface ChallengeClaims {
  sub?: unknown;
  email?: unknown;
  purpose?: unknown;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly throttle: LoginThrottle,
    private readonly sessions: StaffSessionCache,
    private readonly secondFactor: SignInSecondFactor,
  ) {}

  /**
   * Checks the password and opens a session. Wrong email and wrong password look the same.
   * The attempt is counted first (per account and address, then per account); one over the
   * limit answers 429 before any password is checked, so guessing on while it is locked, or many
   * guesses at once, learn nothing, not even a right guess.
   *
   * With a second factor, a right password answers a short-lived challenge instead of a session,
   * and the attempt stays counted: only the code step's success clears the count, so a known
   * password cannot be used to reset the count between guessed codes.
   */
  async login(email: string, password: string, address: string): Promise<SessionResult | SecondFactorChallenge> {
    await this.throttle.admit(email, address);
    const row = await staffUserRepository.activeForSignIn(this.dataSource, email.trim().toLowerCase());
    const valid = await verify(row?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
    if (!row || !valid) throw new UnauthorizedException('Email or password is not right');
    if (await this.secondFactor.enrolled(row.id)) {
      const challengeToken = await this.jwt.signAsync({ sub: row.id, email, purpose: CHALLENGE_PURPOSE }, { expiresIn: SECOND_FACTOR_CHALLENGE_SECONDS });
      return { secondFactor: 'required', challengeToken, expiresInSeconds: SECOND_FACTOR_CHALLENGE_SECONDS };
    }
    await this.throttle.recordSuccess(email, address);
    const user: StaffUserView = { id: row.id, email: row.email, displayName: row.displayName, role: row.role, language: row.language };
    return this.openSession(user, null);
  }

  /**
   * The sign-in's second step: the challenge from the password step with a code (or a recovery
   * code). Counted like a password attempt first (a wrong code counts toward the lockout); a right
   * one clears the count and opens the session.
   */
  async completeSecondFactor(challengeToken: string, proof: SecondFactorProof, address: string): Promise<SessionResult> {
    const challenge = await this.readChallenge(challengeToken);
    await this.throttle.admit(challenge.email, address);
    const row = await staffUserRepository.activeForSignIn(this.dataSource, challenge.email.trim().toLowerCase());
    if (!row || row.id !== challenge.staffId || !(await this.secondFactor.verifyForSignIn(row.id, proof))) {
      throw new UnauthorizedException('That code is not right, or it was used already');
    }
    await this.throttle.recordSuccess(challenge.email, address);
    const user: StaffUserView = { id: row.id, email: row.email, displayName: row.displayName, role: row.role, language: row.language };
    return this.openSession(user, null);
  }

  private async readChallenge(token: string): Promise<{ staffId: string; email: string }> {
    try {
      const claims = await this.jwt.verifyAsync<ChallengeClaims>(token);
      if (claims.purpose === CHALLENGE_PURPOSE && typeof claims.sub === 'string' && typeof claims.email === 'string')
        return { staffId: claims.sub, email: claims.email };
    } catch {
      // below
    }
    throw new UnauthorizedException('The sign-in took too long or is not valid. Please sign in again.');
  }

  /**
   * Exchanges a session's refresh token for a new access token, rotating the refresh token so a
   * stolen old one is useless. A deactivated account's sessions stop working here. A rotated
   * token presented again (after the grace for a second tab) was copied: the whole sign-in ends,
   * every session rotated from it and their access tokens, and the audit log says so.
   */
  async refresh(refreshToken: string | undefined): Promise<SessionResult> {
    if (!refreshToken) throw new UnauthorizedException('Please sign in');
    const tokenHash = sha256(refreshToken);
    const outcome = await this.dataSource.transaction(async (manager): Promise<{ renewed: SessionResult } | { ended: string | null }> => {
      const owner = await staffSessionRepository.owner(manager, tokenHash);
      if (!owner) return { ended: null };
      await staffSessionRepository.lockSessionsOf(manager, owner.staffId);
      const row = await staffSessionRepository.revokeForRotation(manager, tokenHash);
      if (row)
        return {
          renewed: await this.openSession(
            { id: row.id, email: row.email, displayName: row.displayName, role: row.role, language: row.language },
            row.familyId,
            manager,
          ),
        };
      // Committed with the refusal below: a detected reuse ends the sign-in.
      return { ended: (await this.endFamilyIfReused(manager, tokenHash)) ? owner.familyId : null };
    });
    if ('renewed' in outcome) return outcome.renewed;
    if (outcome.ended) this.sessions.forget(outcome.ended);
    throw new UnauthorizedException('Your session has ended. Please sign in again.');
  }

  /**
   * Signing out ends the sign-in the session cookie (or, without one, the access token) belongs
   * to: its refresh token at once, its access tokens within seconds on every API process.
   */
  async logout(refreshToken: string | undefined, accessTokenSignIn: string | undefined): Promise<void> {
    const fromCookie = refreshToken ? (await staffSessionRepository.owner(this.dataSource, sha256(refreshToken)))?.familyId : undefined;
    for (const familyId of new Set([fromCookie, accessTokenSignIn])) {
      if (familyId) await this.endSignIn(familyId);
    }
  }

  private async endSignIn(familyId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const staffId = await staffSessionRepository.ownerOfFamily(manager, familyId);
      if (!staffId) return;
      await staffSessionRepository.lockSessionsOf(manager, staffId);
      await staffSessionRepository.revokeFamily(manager, familyId, 'sign_out');
    });
    this.sessions.forget(familyId);
  }

  /**
   * The signed-in member of staff: who the token says, with the language read from the account
   * (not the token), so a change made in another tab shows on the next read.
   */
  async me(staff: StaffPrincipal): Promise<StaffUserView> {
    const language = await staffUserRepository.language(this.dataSource, staff.id);
    if (!language) throw new UnauthorizedException('Please sign in');
    return { id: staff.id, email: staff.email, displayName: staff.displayName, role: staff.role, language };
  }

  /** A staff member changes their own dashboard language; audited like every account change. */
  async changeLanguage(staff: StaffPrincipal, language: StaffLanguage): Promise<StaffUserView> {
    await this.dataSource.transaction(async (manager) => {
      const changed = await staffUserRepository.changeLanguage(manager, staff.id, language);
      if (!changed) throw new UnauthorizedException('Please sign in');
      if (changed.before === language) return;
      await recordAudit(manager, {
        actorId: staff.id,
        action: 'staff.language_changed',
        target: { kind: 'staff_user', id: staff.id },
        before: { language: changed.before },
        after: { language },
      });
    });
    return { id: staff.id, email: staff.email, displayName: staff.displayName, role: staff.role, language };
  }

  /**
   * A refresh token that could not be rotated (the caller holds lockSessionsOf): if it had been
   * rotated already, and not just now, the sign-in ends. Answers whether sessions were ended.
   */
  private async endFamilyIfReused(manager: EntityManager, tokenHash: string): Promise<boolean> {
    const ended = await staffSessionRepository.ended(manager, tokenHash, REFRESH_REUSE_GRACE_SECONDS);
    if (ended?.endedBy !== 'rotation' || ended.endedJustNow) return false;
    const revoked = await staffSessionRepository.revokeFamily(manager, ended.familyId, 'reuse');
    // Replays of a token whose sign-in has ended already change nothing, and are not logged again.
    if (revoked === 0) return false;
    await recordAudit(manager, {
      actorId: null,
      action: 'staff.session_reused',
      target: { kind: 'staff_user', id: ended.staffId },
      after: { sessionsEnded: revoked },
    });
    return true;
  }

  /** Opens a session in `familyId` (rotated from it), or a new sign-in's family (null). */
  private async openSession(user: StaffUserView, familyId: string | null, manager = this.dataSource.manager): Promise<SessionResult> {
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(Date.now() + this.config.sessionTtlMinutes * 60_000);
    const sid = await staffSessionRepository.open(manager, user.id, sha256(refreshToken), refreshExpiresAt, familyId);
    // An account with a second factor signs in only with a code (or enrolled it in this sign-in,
    // which ended its other sign-ins), so having one is what the token says.
    const mfa = await this.secondFactor.enrolled(user.id, manager);
    // `lang` only lets the browser fall back on the token; the account stays the source of truth.
    // `sid` is the sign-in: the guard refuses the token once it has ended.
    const accessToken = await this.jwt.signAsync({ sub: user.id, sid, email: user.email, name: user.displayName, role: user.role, lang: user.language, mfa });
    const enrolmentRequired = !mfa && this.secondFactor.requiredFor(user.role);
    return { accessToken, user, refreshToken, refreshExpiresAt, ...(enrolmentRequired ? { enrolmentRequired: true as const } : {}) };
  }
}
