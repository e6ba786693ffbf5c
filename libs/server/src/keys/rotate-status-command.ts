import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';
import { dataProtectionFor } from '../security/data-protection';
import { rotationStatus, RotationStatus } from './reseal';

/** The status in lines, for the command (and a test). */
export function describeRotationStatus(status: RotationStatus): string[] {
  const lines = [
    `Current key versions: data ${status.current.data}, access codes ${status.current.accessCode}, session signing ${status.current.sessionSigning}`,
  ];
  for (const entry of status.sealed)
    lines.push(
      `  ${entry.name}: ${entry.rows} under data key ${entry.version}${entry.version === status.current.data ? '' : ' (old: the key job re-seals it)'}`,
    );
  for (const entry of status.accessCodes) {
    lines.push(
      `  ${entry.name}: ${entry.rows} under access-code key ${entry.version}${entry.version === status.current.accessCode ? '' : ' (old: re-hashed when the person next opens their case; keep this key)'}`,
    );
  }
  for (const entry of status.plain.filter((plain) => plain.rows > 0)) lines.push(`  ${entry.name}: ${entry.rows} still in clear (the key job seals them)`);
  lines.push(
    status.remaining === 0
      ? 'OK: nothing is left on an old data or access-code key; older versions may be removed.'
      : `${status.remaining} rows are still on an old key or in clear: keep the old keys configured.`,
  );
  return lines;
}

/**
 * `npm run keys:rotate-status` (`node dist/apps/api/main.js keys-rotate-status`): how many rows are
 * still under an older data or access-code key, or in clear. Exit code 0: none (old versions may
 * go); 2: some remain. Needs only the application role. Session tokens need no count: they live
 * 15 minutes, so an old session key may go 15 minutes after the new one became current.
 */
export async function rotateStatusCommand(config: AppConfig, print: (line: string) => void = console.log): Promise<number> {
  const dataSource = new DataSource(dataSourceOptions(config.databaseUrl));
  await dataSource.initialize();
  try {
    const status = await rotationStatus(dataSource.manager, dataProtectionFor(config));
    for (const line of describeRotationStatus(status)) print(line);
    return status.remaining === 0 ? 0 : 2;
  } finally {
    await dataSource.destroy();
  }
}
