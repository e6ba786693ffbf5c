import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { StaffRole } from '@sg/domain';
import { AuthenticatedRequest, StaffPrincipal } from './staff-principal';

export const PUBLIC_ENDPOINT = 'public-endpoint';
export const REQUIRED_ROLES = 'required-roles';
export const DURING_ENROLMENT = 'during-second-factor-enrolment';

/** Anyone may call this endpoint. A valid staff token, if sent, is still read (staff intake). */
export const Public = () => SetMetadata(PUBLIC_ENDPOINT, true);

/**
 * Only these roles may call this endpoint (any signed-in staff when not given). The OpenAPI
 * document says so too (`x-roles`), and lists the 403 (http/openapi-answers.ts).
 */
export const Roles = (...roles: StaffRole[]) => applyDecorators(SetMetadata(REQUIRED_ROLES, roles), ApiExtension('x-roles', roles));

/**
 * A sign-in whose role requires a second factor it has not enrolled may call this endpoint (who
 * am I, enrolment, sign-out); every other endpoint answers it 403 `second_factor_enrolment_required`.
 */
export const AllowDuringEnrolment = () => applyDecorators(SetMetadata(DURING_ENROLMENT, true), ApiExtension('x-allowed-during-enrolment', true));

/** When the caller's access token expires (ms since the epoch), or undefined without one. */
export const AccessTokenExpiry = createParamDecorator(
  (_data: unknown, context: ExecutionContext): number | undefined => context.switchToHttp().getRequest<AuthenticatedRequest>().staffTokenExpiresAt,
);

/** The sign-in (session family) of the caller's access token, or undefined without one. */
export const AccessTokenSignIn = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | undefined => context.switchToHttp().getRequest<AuthenticatedRequest>().staffSignIn,
);

/** The signed-in member of staff, or undefined on a public endpoint called without a token. */
export const CurrentStaff = createParamDecorator(
  (_data: unknown, context: ExecutionContext): StaffPrincipal | undefined => context.switchToHttp().getRequest<AuthenticatedRequest>().staff,
);
