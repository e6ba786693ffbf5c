import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { API_ROUTES, QueueHealth } from '@sg/contracts';
import { Roles } from '../auth/auth.decorators';
import { QueueHealthService } from './queue-health.service';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller(API_ROUTES.supervision)
export class SupervisionController {
  constructor(private readonly queueHealth: QueueHealthService) {}

  @ApiOperation({ summary: 'Queue health: open cases by priority and age, past target, load' })
  @Get('queue-health')
  @Roles('supervisor', 'admin')
  @ApiOkResponse({ description: 'Open cases by priority and age, SLA breaches, caseworker load, overdue follow-ups' })
  health(): Promise<QueueHealth> {
    return this.queueHealth.health();
  }
}
