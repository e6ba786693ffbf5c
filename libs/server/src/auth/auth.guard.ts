import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { isStaffRole, StaffRole } from '@sg/domain';
import { PUBLIC_ENDPOINT, REQUIRED_ROLES } from './auth.decorators';
import { AuthenticatedRequest, StaffPrincipal } from './staff-principal';
import { StaffStatusCache } from './staff-status.cache';

interface AccessTokenClaims {
  sub: string;
  email: string;
  name: string;
  role: string;
  exp?: number;
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
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ENDPOINT, [context.getHandler(), context.getClass()]);
    const token = this.bearerToken(request);
    if (token) {
      const { staff, expiresAt } = await this.verify(token);
      request.staff = staff;
      request.staffTokenExpiresAt = expiresAt;
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

  private async verify(token: string): Promise<{ staff: StaffPrincipal; expiresAt: number | undefined }> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
      if (!isStaffRole(claims.role)) throw new Error('unknown role');
    } catch {
      throw new UnauthorizedException('Your sign-in has expired or is not valid. Please sign in again.');
    }
    // A token outlives a deactivation or a role change by up to 15 minutes; the account's current state wins.
    const status = await this.statusCache.status(claims.sub);
    if (!status?.active) throw new UnauthorizedException('This account is no longer active.');
    return {
      staff: { id: claims.sub, email: claims.email, displayName: claims.name, role: status.role },
      expiresAt: claims.exp ? claims.exp * 1000 : undefined,
    };
  }
}
