import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { API_ROUTES, StaffMember } from '@sg/contracts';
import { DataSource } from 'typeorm';
import { Roles } from '../auth/auth.decorators';

@ApiTags('staff')
@ApiBearerAuth()
@Controller(API_ROUTES.staff)
export class StaffController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Who a case can be assigned to. */
  @Get()
  @Roles('supervisor', 'admin')
  @ApiOkResponse({ description: 'Active staff, by name' })
  list(): Promise<StaffMember[]> {
    return this.dataSource.query(`SELECT id, display_name AS "displayName", email, role, active FROM staff_user WHERE active ORDER BY display_name`);
  }
}
