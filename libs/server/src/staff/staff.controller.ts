import { Body, Controller, ForbiddenException, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiBearerAuth, ApiBody, ApiConflictResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { API_ROUTES, StaffCreate, StaffMember, StaffUpdate, staffCreateSchema, staffUpdateSchema } from '@sg/contracts/schemas';
import { CurrentStaff, Roles } from '../auth/auth.decorators';
import { StaffPrincipal } from '../auth/staff-principal';
import { openApiBody } from '../http/openapi-schema';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { StaffAccountsService } from './staff-accounts.service';
import { staffListSchema, staffMemberSchema } from '@sg/contracts/schemas';
import { ApiAnswer } from '../http/openapi-schema';

@ApiTags('staff')
@ApiBearerAuth()
@Controller(API_ROUTES.staff)
export class StaffController {
  constructor(private readonly accounts: StaffAccountsService) {}

  /** Who a case can be assigned to; admins may include deactivated accounts. */
  @ApiOperation({ summary: 'List staff accounts' })
  @Get()
  @Roles('supervisor', 'admin')
  @ApiQuery({ name: 'includeInactive', required: false, description: 'admins only' })
  @ApiAnswer(200, staffListSchema, 'Staff accounts, by name')
  list(@Query('includeInactive') includeInactive: string | undefined, @CurrentStaff() staff: StaffPrincipal): Promise<StaffMember[]> {
    const all = includeInactive === 'true';
    if (all && staff.role !== 'admin') throw new ForbiddenException('Only admins see deactivated accounts');
    return this.accounts.list(all);
  }

  @ApiOperation({ summary: 'Add a staff account (admins)' })
  @Post()
  @Roles('admin')
  @ApiBody(openApiBody(staffCreateSchema))
  @ApiAnswer(201, staffMemberSchema, 'The new account')
  create(@Body(new ZodValidationPipe(staffCreateSchema)) body: StaffCreate, @CurrentStaff() admin: StaffPrincipal): Promise<StaffMember> {
    return this.accounts.create(admin, body);
  }

  @ApiOperation({ summary: 'Change a staff account: name, role, active, password (admins)' })
  @Patch(':id')
  @Roles('admin')
  @ApiBody(openApiBody(staffUpdateSchema))
  @ApiConflictResponse({ description: 'An admin tried to deactivate or demote their own account' })
  @ApiAnswer(200, staffMemberSchema, 'The account as it now is')
  update(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('No account with that id') })) id: string,
    @Body(new ZodValidationPipe(staffUpdateSchema)) body: StaffUpdate,
    @CurrentStaff() admin: StaffPrincipal,
  ): Promise<StaffMember> {
    return this.accounts.update(admin, id, body);
  }

  @ApiOperation({ summary: "Reset a member's second factor (admins): a lost phone" })
  @Post(':id/second-factor/reset')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed (audited); their sign-ins end, and they sign in with the password and enrol again' })
  @ApiNotFoundResponse({ description: 'No such account, or it has no second factor' })
  resetSecondFactor(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('No account with that id') })) id: string,
    @CurrentStaff() admin: StaffPrincipal,
  ): Promise<void> {
    return this.accounts.resetSecondFactor(admin, id);
  }
}
