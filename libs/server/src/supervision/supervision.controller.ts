import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { API_ROUTES, QueueHealth } from '@sg/contracts';
import { Roles } from '../auth/auth.decorators';
import { QueueHealthService } from './queue-health.service';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller(API_ROUTES.supervision)
export class SupervisionController {
  constructor(private readonly queueHealth: QueueHealthService) {}

  @Get('queue-health')
  @Roles('supervisor', 'admin')
  @ApiOkResponse({ description: 'Open cases by priority and age, SLA breaches, caseworker load, overdue follow-ups' })
  health(): Promise<QueueHealth> {
    return this.queueHealth.health();
  }
}
