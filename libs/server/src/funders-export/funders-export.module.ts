import { Module } from '@nestjs/common';
import { FundersExportController } from './funders-export.controller';
import { FundersExportService } from './funders-export.service';

/** The funders' CSV: monthly aggregates with no personal data (see funders-rows.ts). */
@Module({
  controllers: [FundersExportController],
  providers: [FundersExportService],
})
export class FundersExportModule {}
