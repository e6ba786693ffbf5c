import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiBearerAuth, ApiForbiddenResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { API_ROUTES, TREND_MAX_DAYS, TrendsResponse, trendsQuerySchema } from '@sg/contracts/schemas';
import * as z from 'zod';
import { Roles } from '../auth/auth.decorators';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { TrendsService } from './trends.service';
import { trendsResponseSchema } from '@sg/contracts/schemas';
import { ApiAnswer } from '../http/openapi-schema';

/** How the work has gone over time, for the people who run the service. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller(API_ROUTES.trends)
@Roles('supervisor', 'admin')
@ApiForbiddenResponse({ description: 'Signed in, but not a supervisor or admin' })
export class TrendsController {
  constructor(private readonly trendsService: TrendsService) {}

  @ApiOperation({ summary: 'Trends over a window of days (supervisors)' })
  @Get()
  @ApiQuery({ name: 'days', required: false, description: `The last N calendar days, today included (1-${TREND_MAX_DAYS}, default 30)` })
  @ApiQuery({ name: 'tz', required: false, description: 'Time zone the days and weeks are counted in (IANA name, default UTC)' })
  @ApiAnswer(
    200,
    trendsResponseSchema,
    'Intakes per day by priority, first response against target by priority and week, takedowns by platform, reports by agency kind',
  )
  trends(@Query(new ZodValidationPipe(trendsQuerySchema)) query: z.output<typeof trendsQuerySchema>): Promise<TrendsResponse> {
    return this.trendsService.trends(query.days, query.tz);
  }
}
