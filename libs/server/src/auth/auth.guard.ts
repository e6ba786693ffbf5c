import { CanActivate, ExecutionContext, ForbiddenException, HttpStatus, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { SECOND_FACTOR_ENROLMENT_REQUIRED } from '@sg/contracts';
import { isStaffRole, StaffRole } from '@sg/domain';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { DURING_ENROLMENT, PUBLIC_ENDPOINT, REQUIRED_ROLES } from './auth.decorators';
import { AuthenticatedRequest, StaffPrincipal } from './staff-principal';
import { StaffSessionCache } from './staff-session.cache';
import { StaffStatusCache } from './staff-status.cache';

interface AccessTokenClaims {
  sub: string;
  /** The sign-in (session family) the token was issued to. */
  sid?: unknown;
  email: string;
  name: string;
  role: string;
  exp?: unknown;
  /** The account had a second factor when the token was issued (signed in with a code, or enrolled). */
  mfa?: unknown;
}

/**
 * Global guard: every endpoint needs a staff token unless marked `@Public()`; `@Roles()` narrows
 * who may call it. Missing or bad token → 401; signed in with the wrong role → 403.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly statusCache: StaffStatusCache,
    private readonly sessionCache: StaffSessionCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ENDPOINT, [context.getHandler(), context.getClass()]);
    const token = this.bearerToken(request);
    if (token) {
      const { staff, expiresAt, signIn, secondFactor } = await this.verify(token);
      // A role that requires a second factor, signed in without one: enrolment only, no case data.
      // The role is the account's current one, so a promotion confines an existing token too.
      if (!secondFactor && this.config.totpRequiredRoles.includes(staff.role)) {
        const allowed = this.reflector.getAllAndOverride<boolean>(DURING_ENROLMENT, [context.getHandler(), context.getClass()]);
        if (!allowed) {
          throw new ForbiddenException({
            statusCode: HttpStatus.FORBIDDEN,
            error: 'Forbidden',
            code: SECOND_FACTOR_ENROLMENT_REQUIRED,
            message: 'Your role must sign in with a second factor: set one up first (Security), then continue.',
          });
        }
      }
      request.staff = staff;
      request.staffTokenExpiresAt = expiresAt;
      request.staffSignIn = signIn;
    } else if (!isPublic) {
      throw new UnauthorizedException('Sign in to use this: send "Authorization: Bearer <token>"');
    }
    const roles = this.reflector.getAllAndOverride<StaffRole[] | undefined>(REQUIRED_ROLES, [context.getHandler(), context.getClass()]);
    if (roles?.length && (!request.staff || !roles.includes(request.staff.role))) {
      if (!request.staff) throw new UnauthorizedException('Sign in to use this');
      throw new ForbiddenException(`This needs the ${roles.join(' or ')} role`);
    }
    return true;
  }

  private bearerToken(request: AuthenticatedRequest): string | undefined {
    const header = request.headers['authorization'];
    const value = Array.isArray(header) ? header[0] : header;
    if (!value) return undefined;
    const [scheme, token] = value.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw new UnauthorizedException('The Authorization header must be "Bearer <token>"');
    return token;
  }

  private async verify(token: string): Promise<{ staff: StaffPrincipal; expiresAt: number; signIn: string; secondFactor: boolean }> {
    let claims: AccessTokenClaims & { exp: number; sid: string };
    try {
      const verified = await this.jwt.verifyAsync<AccessTokenClaims>(token);
      if (!isStaffRole(verified.role)) throw new Error('unknown role');
      // jsonwebtoken accepts a token without `exp` as never expiring: ours always carry one.
      if (typeof verified.exp !== 'number' || !Number.isFinite(verified.exp)) throw new Error('no expiry');
      if (typeof verified.sid !== 'string') throw new Error('no sign-in');
      claims = { ...verified, exp: verified.exp, sid: verified.sid };
    } catch {
      throw new UnauthorizedException('Your sign-in has expired or is not valid. Please sign in again.');
    }
    // A token outlives a deactivation, a role change or a sign-out by up to 15 minutes; the
    // account's and the sign-in's current state (re-read every few seconds) win.
    const [status, live] = await Promise.all([this.statusCache.status(claims.sub), this.sessionCache.live(claims.sid)]);
    if (!status?.active) throw new UnauthorizedException('This account is no longer active.');
    if (!live) throw new UnauthorizedException('You have signed out, or your session has ended. Please sign in again.');
    return {
      staff: { id: claims.sub, email: claims.email, displayName: claims.name, role: status.role },
      expiresAt: claims.exp * 1000,
      signIn: claims.sid,
      secondFactor: claims.mfa === true,
    };
  }
}
