import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { API_ROUTES, LoginRequest, loginRequestSchema } from '@sg/contracts';
import { z } from 'zod';
import { RateLimit } from '../http/rate-limit';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { CurrentStaff, Public } from './auth.decorators';
import { AuthService, LoginResult } from './auth.service';
import { StaffPrincipal } from './staff-principal';

@ApiTags('auth')
@Controller(API_ROUTES.auth)
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @RateLimit('login')
  @HttpCode(200)
  @ApiBody({ schema: z.toJSONSchema(loginRequestSchema) as object })
  @ApiOkResponse({ description: '`{ accessToken, user: { id, email, displayName, role } }`' })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password (which one is not said)' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts; see Retry-After' })
  login(@Body(new ZodValidationPipe(loginRequestSchema)) body: LoginRequest): Promise<LoginResult> {
    return this.auth.login(body.email, body.password);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ description: 'The signed-in member of staff' })
  me(@CurrentStaff() staff: StaffPrincipal): StaffPrincipal {
    return staff;
  }
}
