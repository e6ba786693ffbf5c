import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { API_ROUTES, QueueHealth } from '@sg/contracts';
import { Roles } from '../auth/auth.decorators';
import { QueueHealthService } from './queue-health.service';
import { queueHealthSchema } from '@sg/contracts/schemas';
import { ApiAnswer } from '../http/openapi-schema';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller(API_ROUTES.supervision)
export class SupervisionController {
  constructor(private readonly queueHealth: QueueHealthService) {}

  @ApiOperation({ summary: 'Queue health: open cases by priority and age, past target, load' })
  @Get('queue-health')
  @Roles('supervisor', 'admin')
  @ApiAnswer(200, queueHealthSchema, 'Open cases by priority and age, SLA breaches, caseworker load, overdue follow-ups')
  health(): Promise<QueueHealth> {
    return this.queueHealth.health();
  }
}
