import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { StaffUserView } from '@sg/contracts';
import { StaffLanguage } from '@sg/domain';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { verify } from 'argon2';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { staffUserRepository } from '../accounts/staff-user.repository';
import { recordAudit } from '../audit/record-audit';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { LoginThrottle } from './login-throttle';
import { StaffPrincipal } from './staff-principal';
import { staffSessionRepository } from './staff-session.repository';

export interface LoginResult {
  accessToken: string;
  /** Who signed in, with the dashboard language the web loads before showing anything. */
  user: StaffUserView;
}

export interface SessionResult extends LoginResult {
  /** The new refresh token for the session cookie. */
  refreshToken: string;
  refreshExpiresAt: Date;
}

/** A hash of a random password: verified when the email is unknown, so timing reveals nothing. */
const DUMMY_HASH = '$argon2id$v=19$m=65536,p=4,t=3$W7qlmfF/eHJ8b1wC3pPo5g$IXztferTj4xu1z2ke1tUEuVZWzZDO2rSrr7WlnUdUe4';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * Checks the password and opens a session. Wrong email and wrong password look the same.
   * An account with too many recent failures answers 429 before any password is checked, so
   * guessing on while it is locked learns nothing, not even a right guess.
   */
  async login(email: string, password: string): Promise<SessionResult> {
    await this.throttle.assertNotLocked(email);
    const row = await staffUserRepository.activeForSignIn(this.dataSource, email.trim().toLowerCase());
    const valid = await verify(row?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
    if (!row || !valid) {
      await this.throttle.recordFailure(email);
      throw new UnauthorizedException('Email or password is not right');
    }
    await this.throttle.recordSuccess(email);
    const user: StaffUserView = { id: row.id, email: row.email, displayName: row.displayName, role: row.role, language: row.language };
    return this.openSession(user);
  }

  /**
   * Exchanges a session's refresh token for a new access token, rotating the refresh token so a
   * stolen old one is useless. A deactivated account's sessions stop working here.
   */
  async refresh(refreshToken: string | undefined): Promise<SessionResult> {
    if (!refreshToken) throw new UnauthorizedException('Please sign in');
    return this.dataSource.transaction(async (manager) => {
      const row = await staffSessionRepository.revokeForRotation(manager, sha256(refreshToken));
      if (!row) throw new UnauthorizedException('Your session has ended. Please sign in again.');
      return this.openSession({ id: row.id, email: row.email, displayName: row.displayName, role: row.role, language: row.language }, manager);
    });
  }

  async logout(refreshToken: string | undefined): Promise<void> {
    if (!refreshToken) return;
    await staffSessionRepository.revoke(this.dataSource, sha256(refreshToken));
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

  private async openSession(user: StaffUserView, manager = this.dataSource.manager): Promise<SessionResult> {
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(Date.now() + this.config.sessionTtlMinutes * 60_000);
    await staffSessionRepository.open(manager, user.id, sha256(refreshToken), refreshExpiresAt);
    // `lang` only lets the browser fall back on the token; the account stays the source of truth.
    const accessToken = await this.jwt.signAsync({ sub: user.id, email: user.email, name: user.displayName, role: user.role, lang: user.language });
    return { accessToken, user, refreshToken, refreshExpiresAt };
  }
}
