import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';
import { dataProtectionFor } from '../security/data-protection';
import { sealAuditChain, verifyAuditChain } from './seal-audit-chain';

/**
 * `npm run audit:verify` (`node dist/apps/api/main.js audit-verify`): seals what is waiting, then
 * checks the whole audit chain and prints what it found: each broken link by its audit row id, and
 * the head hash to record somewhere the database's owner cannot rewrite. Exit code 0: intact;
 * 1: broken (or rows left unsealed too long). Needs only the application role, and the data keys
 * (a sealed payload that does not open, or opens to another hash, is reported as broken).
 */
export async function verifyAuditCommand(config: AppConfig, print: (line: string) => void = console.log): Promise<number> {
  const dataSource = new DataSource(dataSourceOptions(config.databaseUrl));
  await dataSource.initialize();
  try {
    const { sealed } = await sealAuditChain(dataSource);
    // With the keys: every sealed payload is opened and checked against its stored hash too.
    const report = await verifyAuditChain(dataSource, { protection: dataProtectionFor(config) });
    print(`Audit chain: ${report.checked} links checked${sealed ? ` (${sealed} sealed just now)` : ''}, ${report.purged} with a purged payload`);
    for (const problem of report.breaks) print(`  BROKEN at position ${problem.position}: audit row ${problem.auditId} (${problem.reason.replace(/_/g, ' ')})`);
    if (report.unsealed?.count)
      print(`  ${report.unsealed.count} audit rows are older than the sealer's window and not sealed (oldest id ${report.unsealed.oldestId})`);
    print(report.head ? `Head: position ${report.head.position}, hash ${report.head.hash}` : 'Head: nothing sealed yet');
    print(report.ok ? 'OK: the audit log is intact.' : 'FAILED: the audit log was changed after it was sealed (see above).');
    return report.ok ? 0 : 1;
  } finally {
    await dataSource.destroy();
  }
}
