import { Body, Controller, ForbiddenException, Get, Headers, HttpCode, Inject, Post, Put, Req, Res } from '@nestjs/common';
import {
  ApiOperation,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  API_PREFIX,
  API_ROUTES,
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  LoginRequest,
  LoginResponse,
  SecondFactorChallenge,
  StaffLanguageChange,
  StaffUserView,
  loginRequestSchema,
  secondFactorSignInSchema,
  staffLanguageChangeSchema,
} from '@sg/contracts/schemas';
import * as z from 'zod';
import { Request, Response } from 'express';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { RateLimit } from '../http/rate-limit';
import { openApiBody } from '../http/openapi-schema';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { JwtService } from '@nestjs/jwt';
import { QUEUE_BOARD_COOKIE, QUEUE_BOARD_PATH } from './queue-board-cookie';
import { AccessTokenSignIn, AllowDuringEnrolment, CurrentStaff, Public, Roles } from './auth.decorators';
import { AuthService, SessionResult } from './auth.service';
import { AccountLockedException } from './login-throttle';
import { StaffPrincipal } from './staff-principal';
import { loginAnswerSchema, loginResponseSchema, staffUserViewSchema } from '@sg/contracts/schemas';
import { ApiAnswer } from '../http/openapi-schema';

const REFRESH_COOKIE = 'sg_session';
const COOKIE_PATH = `/${API_PREFIX}/${API_ROUTES.auth}`;

function readCookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

function clientAddress(request: Request): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}

@ApiTags('auth')
@Controller(API_ROUTES.auth)
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @ApiOperation({ summary: 'Sign in (a session cookie and an access token)' })
  @Post('login')
  @Public()
  @RateLimit('login')
  @HttpCode(200)
  @ApiBody(openApiBody(loginRequestSchema))
  @ApiAnswer(
    200,
    loginAnswerSchema,
    '`{ accessToken, user: { id, email, displayName, role, language }, enrolmentRequired? }` and the httpOnly session cookie; ' +
      'or, when the account has a second factor, `{ secondFactor: "required", challengeToken, expiresInSeconds }` (no session yet: send a code to login/second-factor)',
  )
  @ApiUnauthorizedResponse({ description: 'Wrong email or password (which one is not said)' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts at this account from this address, or at this account from anywhere; see Retry-After' })
  async login(
    @Body(new ZodValidationPipe(loginRequestSchema)) body: LoginRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResponse | SecondFactorChallenge> {
    try {
      // request.ip follows TRUST_PROXY; it is only ever stored as a keyed hash.
      const result = await this.auth.login(body.email, body.password, clientAddress(request));
      if ('challengeToken' in result) {
        response.setHeader('Cache-Control', 'no-store');
        return result;
      }
      return this.startSession(result, response);
    } catch (error) {
      if (error instanceof AccountLockedException) response.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }

  @ApiOperation({ summary: 'Complete a sign-in with the code from the authenticator app, or a recovery code' })
  @Post('login/second-factor')
  @Public()
  @RateLimit('login')
  @HttpCode(200)
  @ApiBody(openApiBody(secondFactorSignInSchema))
  @ApiAnswer(200, loginResponseSchema, '`{ accessToken, user }`; also sets the httpOnly session cookie')
  @ApiBadRequestResponse({ description: 'Not a 6-digit code or a recovery code, or both sent' })
  @ApiUnauthorizedResponse({ description: 'A wrong code, a code used already, a used recovery code, or an expired challenge (counted toward the lockout)' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts at this account; see Retry-After' })
  async loginSecondFactor(
    @Body(new ZodValidationPipe(secondFactorSignInSchema)) body: z.output<typeof secondFactorSignInSchema>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResponse> {
    try {
      const proof = body.code !== undefined ? { code: body.code } : { recoveryCode: body.recoveryCode ?? '' };
      return this.startSession(await this.auth.completeSecondFactor(body.challengeToken, proof, clientAddress(request)), response);
    } catch (error) {
      if (error instanceof AccountLockedException) response.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }

  /** Browser only: a new access token from the session cookie. The header is the CSRF guard. */
  @ApiOperation({ summary: 'Renew the access token from the session cookie' })
  @Post('refresh')
  @Public()
  @RateLimit('refresh')
  @HttpCode(200)
  @ApiAnswer(200, loginResponseSchema, 'A new access token; the session cookie is rotated')
  @ApiUnauthorizedResponse({ description: 'No session, or it has ended' })
  @ApiForbiddenResponse({ description: 'The X-Requested-With header is missing (the CSRF guard)' })
  async refresh(
    @Req() request: Request,
    @Headers(CSRF_HEADER.toLowerCase()) csrf: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResponse> {
    if (csrf !== CSRF_HEADER_VALUE) throw new ForbiddenException(`Send the ${CSRF_HEADER}: ${CSRF_HEADER_VALUE} header`);
    return this.startSession(await this.auth.refresh(readCookie(request, REFRESH_COOKIE)), response);
  }

  @ApiOperation({ summary: 'Sign out and end the session' })
  @Post('logout')
  @Public()
  @AllowDuringEnrolment()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The sign-in is ended (its refresh token at once, its access tokens within 5 seconds) and its cookie cleared' })
  async logout(@Req() request: Request, @AccessTokenSignIn() signIn: string | undefined, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logout(readCookie(request, REFRESH_COOKIE), signIn);
    response.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
    // The queue monitor's cookie belongs to the same sign-in: it stops working with it (see
    // mountQueueBoard), and is cleared here too so the browser does not keep it.
    response.clearCookie(QUEUE_BOARD_COOKIE, { path: QUEUE_BOARD_PATH });
  }

  /** Admins: a 30-minute cookie that opens the queue monitor (bull-board) in a browser tab. */
  @ApiOperation({ summary: 'Open the queue board (admins)' })
  @Post('queue-board')
  @Roles('admin')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'Sets the queue monitor cookie; then open /api/admin/queues' })
  async queueBoard(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessTokenSignIn() signIn: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    // Bound to this sign-in (`sid`): signing out, or the session family being ended, closes the monitor too.
    const token = await this.jwt.signAsync({ sub: staff.id, sid: signIn, purpose: 'queue-board' }, { expiresIn: 30 * 60 });
    response.cookie(QUEUE_BOARD_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.nodeEnv === 'production',
      path: QUEUE_BOARD_PATH,
      maxAge: 30 * 60_000,
    });
  }

  @ApiOperation({ summary: 'Who am I' })
  @Get('me')
  @AllowDuringEnrolment()
  @ApiBearerAuth()
  @ApiAnswer(200, staffUserViewSchema, 'The signed-in member of staff, with their dashboard language')
  me(@CurrentStaff() staff: StaffPrincipal): Promise<StaffUserView> {
    return this.auth.me(staff);
  }

  @ApiOperation({ summary: 'Change my dashboard language' })
  @Put('me/language')
  @AllowDuringEnrolment()
  @ApiBearerAuth()
  @ApiBody(openApiBody(staffLanguageChangeSchema))
  @ApiAnswer(200, staffUserViewSchema, 'The signed-in member of staff, in their new language')
  @ApiBadRequestResponse({ description: 'Not a dashboard language (`errors[].path` is `language`)' })
  changeLanguage(
    @Body(new ZodValidationPipe(staffLanguageChangeSchema)) body: StaffLanguageChange,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<StaffUserView> {
    return this.auth.changeLanguage(staff, body.language);
  }

  private startSession(session: SessionResult, response: Response): LoginResponse {
    response.cookie(REFRESH_COOKIE, session.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.nodeEnv === 'production',
      path: COOKIE_PATH,
      expires: session.refreshExpiresAt,
    });
    response.setHeader('Cache-Control', 'no-store');
    return { accessToken: session.accessToken, user: session.user, ...(session.enrolmentRequired ? { enrolmentRequired: true as const } : {}) };
  }
}
