import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { verify } from 'argon2';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { staffUserRepository } from '../accounts/staff-user.repository';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { LoginThrottle } from './login-throttle';
import { StaffPrincipal } from './staff-principal';
import { staffSessionRepository } from './staff-session.repository';

export interface LoginResult {
  accessToken: string;
  user: StaffPrincipal;
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
    const user: StaffPrincipal = { id: row.id, email: row.email, displayName: row.displayName, role: row.role };
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
      return this.openSession({ id: row.id, email: row.email, displayName: row.displayName, role: row.role }, manager);
    });
  }

  async logout(refreshToken: string | undefined): Promise<void> {
    if (!refreshToken) return;
    await staffSessionRepository.revoke(this.dataSource, sha256(refreshToken));
  }

  private async openSession(user: StaffPrincipal, manager = this.dataSource.manager): Promise<SessionResult> {
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(Date.now() + this.config.sessionTtlMinutes * 60_000);
    await staffSessionRepository.open(manager, user.id, sha256(refreshToken), refreshExpiresAt);
    const accessToken = await this.jwt.signAsync({ sub: user.id, email: user.email, name: user.displayName, role: user.role });
    return { accessToken, user, refreshToken, refreshExpiresAt };
  }
}
