import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { API_ROUTES, OrganisationHours, openingHoursInputSchema } from '@sg/contracts/schemas';
import { z } from 'zod';
import { CurrentStaff, Roles } from '../auth/auth.decorators';
import { StaffPrincipal } from '../auth/staff-principal';
import { openApiBody } from '../http/openapi-schema';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { OrganisationHoursService } from './organisation-hours.service';
import { organisationHoursSchema } from '@sg/contracts/schemas';
import { ApiAnswer } from '../http/openapi-schema';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller(API_ROUTES.organisation)
export class OrganisationController {
  constructor(private readonly hours: OrganisationHoursService) {}

  @ApiOperation({ summary: "The organisation's time zone, weekly opening hours and holidays (the defaults until an admin saves some)" })
  @Get('hours')
  @Roles('caseworker', 'supervisor', 'admin')
  @ApiAnswer(200, organisationHoursSchema, 'The opening hours; updatedAt is null while they are the defaults')
  getHours(@CurrentStaff() staff: StaffPrincipal): Promise<OrganisationHours> {
    return this.hours.forStaff(staff);
  }

  @ApiOperation({ summary: "Replace the organisation's opening hours (audited)" })
  @Put('hours')
  @Roles('admin')
  @ApiBody(openApiBody(openingHoursInputSchema))
  @ApiAnswer(200, organisationHoursSchema, 'The opening hours as saved')
  putHours(
    @Body(new ZodValidationPipe(openingHoursInputSchema)) body: z.output<typeof openingHoursInputSchema>,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<OrganisationHours> {
    return this.hours.replace(staff, body);
  }
}
