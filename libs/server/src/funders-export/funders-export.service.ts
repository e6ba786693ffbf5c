import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { StaffPrincipal } from '../auth/staff-principal';
import { trendsRepository } from '../trends/trends.repository';
import { fundersExportRepository } from './funders-export.repository';
import { FundersCsvRow, fundersRows } from './funders-rows';

/** The months an export covers, as UTC instants and `YYYY-MM` labels. */
export interface FundersWindow {
  from: Date;
  until: Date;
  firstMonth: string;
  lastMonth: string;
}

/** The last `months` calendar months in UTC, the current one (so far) included. */
export function fundersWindow(months: number, now = new Date()): FundersWindow {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1));
  const until = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { from, until, firstMonth: from.toISOString().slice(0, 7), lastMonth: now.toISOString().slice(0, 7) };
}

/**
 * The funders' CSV: aggregates only, read in one read-only snapshot (so the three measures agree),
 * small cells suppressed (funders-rows.ts). The download is audited (who, which months), not the figures.
 */
@Injectable()
export class FundersExportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async rows(staff: StaffPrincipal, months: number): Promise<{ window: FundersWindow; rows: FundersCsvRow[] }> {
    const window = fundersWindow(months);
    const counts = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await trendsRepository.readOnly(manager);
      return [
        ...(await fundersExportRepository.cases(manager, window.from, window.until)),
        ...(await fundersExportRepository.takedowns(manager, window.from, window.until)),
        ...(await fundersExportRepository.reports(manager, window.from, window.until)),
      ];
    });
    await recordAudit(this.dataSource.manager, {
      actorId: staff.id,
      action: 'funders_export.downloaded',
      after: { months, from: window.firstMonth, to: window.lastMonth },
    });
    return { window, rows: fundersRows(counts) };
  }
}
