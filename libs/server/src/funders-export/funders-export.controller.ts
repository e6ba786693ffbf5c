import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { API_ROUTES, FUNDERS_EXPORT_COLUMNS, fundersExportQuerySchema } from '@sg/contracts/schemas';
import { stringify } from 'csv-stringify';
import * as z from 'zod';
import { CurrentStaff, Roles } from '../auth/auth.decorators';
import { StaffPrincipal } from '../auth/staff-principal';
import { ApiQueryFrom, ApiFileAnswer } from '../http/openapi-schema';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { FundersExportService } from './funders-export.service';

/** Figures for funders: monthly aggregates as CSV, no personal data, small cells suppressed. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller(API_ROUTES.fundersExport)
@Roles('supervisor', 'admin')
@ApiForbiddenResponse({ description: 'Signed in, but not a supervisor or admin' })
export class FundersExportController {
  constructor(private readonly exports: FundersExportService) {}

  @ApiOperation({ summary: "Download the funders' CSV of monthly aggregates (supervisors)" })
  @Get()
  @ApiQueryFrom(fundersExportQuerySchema)
  @ApiProduces('text/csv')
  @Header('Cache-Control', 'no-store')
  @ApiFileAnswer(
    'text/csv',
    `Columns ${FUNDERS_EXPORT_COLUMNS.join(', ')}; cases by priority, country, channel and outcome, takedowns by platform and result, reports by kind of agency; any count under 5 is \`<5\`, and so is a cell withheld so that such a count cannot be worked out by subtraction`,
  )
  async download(
    @Query(new ZodValidationPipe(fundersExportQuerySchema)) query: z.output<typeof fundersExportQuerySchema>,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<StreamableFile> {
    const { window, rows } = await this.exports.rows(staff, query.months);
    const csv = stringify(rows, { header: true, columns: [...FUNDERS_EXPORT_COLUMNS], record_delimiter: 'unix' });
    return new StreamableFile(csv, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="funders-${window.firstMonth}-to-${window.lastMonth}.csv"`,
    });
  }
}
