import { DataSource } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { keepPurgedIdentifiers } from '../identifiers/purged-identifiers';
import { DataProtection } from '../security/data-protection';
import { PurgeBatchRow, retentionRepository } from './retention.repository';

/** Cases purged per transaction: keeps each transaction (and its locks) short. */
export const PURGE_BATCH_SIZE = 200;

/** What one run of the purge removed, by count, and the retention it applied. */
export interface CasePurgeResult extends PurgeBatchRow {
  /** The organisation's retention in days; null when not chosen (only the person's requests are carried out). */
  retentionDays: number | null;
}

/**
 * Purges what has expired: resolved and closed cases past the organisation's retention, and
 * cases whose person asked for deletion and whose cooling-off is over; never a case on legal hold
 * (retention.repository.ts, lockExpired). Each batch commits with one audit row carrying counts
 * only. The purged cases' offender identifiers outlive them only as keyed hashes with counts
 * (purged_identifier), so "seen in N other cases" stays true without their content. Safe to run twice or from several workers at once: a case is purged by whichever run
 * locks it first, and a second run finds nothing left to do.
 */
export async function purgeExpiredCases(dataSource: DataSource, protection: DataProtection, batchSize = PURGE_BATCH_SIZE): Promise<CasePurgeResult> {
  const settings = await retentionRepository.settingsForInstallation(dataSource.manager);
  const retentionDays = settings?.closedCaseDays ?? null;
  const total: CasePurgeResult = { retentionDays, cases: 0, byRetention: 0, byRequest: 0, messages: 0, evidence: 0, notes: 0, takedowns: 0, reports: 0 };
  for (;;) {
    const batch = await dataSource.transaction(async (manager) => {
      const expired = await retentionRepository.lockExpired(manager, retentionDays, batchSize);
      if (!expired.length) return { cases: 0, byRetention: 0, byRequest: 0, messages: 0, evidence: 0, notes: 0, takedowns: 0, reports: 0 };
      await keepPurgedIdentifiers(
        manager,
        protection,
        expired.map((e) => e.id),
      );
      const counts = await retentionRepository.purgeCases(manager, expired);
      if (counts.cases > 0) await recordAudit(manager, { actorId: null, action: 'retention.purged', after: { ...counts, retentionDays } });
      return counts;
    });
    for (const key of ['cases', 'byRetention', 'byRequest', 'messages', 'evidence', 'notes', 'takedowns', 'reports'] as const) total[key] += batch[key];
    if (batch.cases < batchSize) return total;
  }
}
