import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { API_ROUTES, SecondFactorEnrolled, SecondFactorEnrolment, SecondFactorStatus, secondFactorCodeSchema } from '@sg/contracts/schemas';
import * as z from 'zod';
import { AccessTokenSignIn, AllowDuringEnrolment, CurrentStaff } from '../auth/auth.decorators';
import { StaffPrincipal } from '../auth/staff-principal';
import { StaffSessionCache } from '../auth/staff-session.cache';
import { openApiBody } from '../http/openapi-schema';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { SecondFactorService } from './second-factor.service';
import { secondFactorEnrolledSchema, secondFactorEnrolmentSchema, secondFactorStatusSchema } from '@sg/contracts/schemas';
import { ApiAnswer } from '../http/openapi-schema';

/** The signed-in member's own second factor. Reachable while their role waits for one (enrolment). */
@ApiTags('auth')
@ApiBearerAuth()
@AllowDuringEnrolment()
@Controller(API_ROUTES.secondFactor)
export class SecondFactorController {
  constructor(
    private readonly secondFactor: SecondFactorService,
    private readonly sessions: StaffSessionCache,
  ) {}

  @ApiOperation({ summary: 'My second factor: enrolled, required for my role, recovery codes left' })
  @Get()
  @ApiAnswer(200, secondFactorStatusSchema, '`{ enrolled, required, recoveryCodesLeft }`')
  status(@CurrentStaff() staff: StaffPrincipal): Promise<SecondFactorStatus> {
    return this.secondFactor.status(staff);
  }

  @ApiOperation({ summary: 'Start enrolling an authenticator app (a new secret, as a QR code and as text)' })
  @Post('enrolment')
  @HttpCode(200)
  @ApiAnswer(200, secondFactorEnrolmentSchema, '`{ secret, otpauthUri, qrCodeSvg }`; not in use until confirmed with a code')
  @ApiConflictResponse({ description: 'A second factor is in use already' })
  startEnrolment(@CurrentStaff() staff: StaffPrincipal): Promise<SecondFactorEnrolment> {
    return this.secondFactor.startEnrolment(staff);
  }

  @ApiOperation({ summary: 'Confirm the enrolment with a code from the app; answers the recovery codes, once' })
  @Post('enrolment/confirm')
  @HttpCode(200)
  @ApiBody(openApiBody(secondFactorCodeSchema))
  @ApiAnswer(200, secondFactorEnrolledSchema, '`{ recoveryCodes, status }`; other sign-ins of the account end')
  @ApiBadRequestResponse({ description: 'Not the code the app shows now (`errors[].path` is `code`), or no enrolment started' })
  @ApiConflictResponse({ description: 'A second factor is in use already' })
  async confirm(
    @Body(new ZodValidationPipe(secondFactorCodeSchema)) body: z.output<typeof secondFactorCodeSchema>,
    @CurrentStaff() staff: StaffPrincipal,
    @AccessTokenSignIn() signIn: string | undefined,
  ): Promise<SecondFactorEnrolled> {
    const { enrolled, endedSignIns } = await this.secondFactor.confirmEnrolment(staff, body.code, signIn);
    for (const ended of endedSignIns) this.sessions.forget(ended);
    return enrolled;
  }

  @ApiOperation({ summary: 'Switch my second factor off with a current code (roles that do not require one)' })
  @Post('disable')
  @HttpCode(204)
  @ApiBody(openApiBody(secondFactorCodeSchema))
  @ApiNoContentResponse({ description: 'Signing in needs the password only again' })
  @ApiBadRequestResponse({ description: 'Not the code the app shows now (`errors[].path` is `code`)' })
  @ApiForbiddenResponse({ description: 'My role must sign in with a second factor' })
  @ApiNotFoundResponse({ description: 'No second factor to switch off' })
  disable(
    @Body(new ZodValidationPipe(secondFactorCodeSchema)) body: z.output<typeof secondFactorCodeSchema>,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<void> {
    return this.secondFactor.disable(staff, body.code);
  }
}
