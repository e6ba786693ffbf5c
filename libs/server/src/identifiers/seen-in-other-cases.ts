import { DataSource, EntityManager } from 'typeorm';
import { DataProtection } from '../security/data-protection';
import { PageIdentifiersRow } from './case-identifier.repository';
import { purgedCasesHolding } from './purged-identifiers';

/**
 * The queue rows' "seen in N other cases", for a whole page at once: the page's statement brought
 * each row's live count and, once a purge has kept any identifier, its identifiers (seenInColumns);
 * one lookup of purged cases' keyed hashes for every identifier on the page adds theirs (skipped
 * when the page holds none), whatever the page size; never a query per row.
 *
 * N is how many other live cases share at least one identifier with the row's case, plus, from
 * the purged cases, the most that held any one of its identifiers (a purge keeps counts per
 * identifier only, so which purged cases overlapped cannot be known: this is the least N can be).
 * A count only, the same for every reader: which cases is on the case page, for those who may know.
 */
export async function seenInOtherCasesForPage(
  db: DataSource | EntityManager,
  protection: DataProtection,
  rows: readonly PageIdentifiersRow[],
): Promise<Map<string, number>> {
  // No purge had kept any identifier when the page was read: nothing to look up (and no identifiers were read).
  const identifiers = rows.some((row) => row.purgedIdentifiersExist) ? rows.flatMap((row) => row.identifiers) : [];
  const purged = identifiers.length ? await purgedCasesHolding(db, protection, identifiers) : new Map<string, number>();
  return new Map(
    rows.map((row) => {
      const mostPurged = Math.max(0, ...row.identifiers.map((i) => purged.get(`${i.kind}\u0000${i.value}`) ?? 0));
      return [row.case_id, row.others + mostPurged];
    }),
  );
}
