import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CASE_LINK_LIMITS, ClusterListResponse, IdentifierCluster } from '@sg/contracts';
import { PRIORITIES, itemAt } from '@sg/domain';
import { DataSource, EntityManager } from 'typeorm';
import { recordAudits } from '../audit/record-audit';
import { StaffPrincipal } from '../auth/staff-principal';
import { ClusterCursor, ClusterRow, clusterRepository } from './cluster.repository';
import { refreshClustersBeforeRead } from './cluster-refresher';

/** How a secret identifier (a gift card) is shown: never its text, never its keyed hash. */
const SECRET_SHOWN_AS = '••••';

/** The cursor: where the walk stood after the last cluster of the page, opaque to the caller. */
export function encodeClusterCursor(row: Pick<ClusterRow, 'cursorAt' | 'cursorCase' | 'key'>): string {
  return Buffer.from(JSON.stringify([row.cursorAt, row.cursorCase, row.key]), 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function decodeClusterCursor(cursor: string): ClusterCursor {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parts = null;
  }
  const list: unknown[] = Array.isArray(parts) ? parts : [];
  const [at, caseId, key] = list;
  const valid = typeof at === 'string' && /^\d{1,17}$/.test(at) && typeof caseId === 'string' && UUID.test(caseId) && typeof key === 'string' && UUID.test(key);
  if (!valid) throw new BadRequestException('cursor is not one this API gave');
  return { at, caseId, key };
}

/**
 * Clusters for supervisors: identifiers two or more cases hold, newest activity first. Every read
 * is audited, once for the page and once per case it names (a case named in a cluster is a case read).
 */
@Injectable()
export class ClustersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(staff: StaffPrincipal, limit: number, cursor?: string): Promise<ClusterListResponse> {
    const after = cursor ? decodeClusterCursor(cursor) : undefined;
    await refreshClustersBeforeRead(this.dataSource);
    // No transaction: the page is one statement and its audit another, written before anything is
    // answered (a failed audit answers nothing). Two round trips fewer on the supervisors' busiest read.
    const rows = await clusterRepository.page(this.dataSource, limit + 1, CASE_LINK_LIMITS.clusterCasesInList, after);
    const page = rows.slice(0, limit);
    await this.audit(this.dataSource.manager, staff, 'clusters.read', page);
    return {
      items: page.map(toCluster),
      nextCursor: rows.length > limit ? encodeClusterCursor(itemAt(page, page.length - 1, 'the last cluster of the page')) : null,
    };
  }

  async cluster(staff: StaffPrincipal, key: string): Promise<IdentifierCluster> {
    await refreshClustersBeforeRead(this.dataSource);
    return this.dataSource.transaction(async (manager) => {
      const [row] = await clusterRepository.one(manager, key, CASE_LINK_LIMITS.clusterCasesMax);
      if (!row) throw new NotFoundException('No cluster by that key: its cases may have changed; open it again from the list');
      await this.audit(manager, staff, 'cluster.read', [row]);
      return toCluster(row);
    });
  }

  private async audit(manager: EntityManager, staff: StaffPrincipal, action: string, rows: readonly ClusterRow[]): Promise<void> {
    const cases = new Set(rows.flatMap((row) => row.cases.map((c) => c.id)));
    await recordAudits(manager, [
      { actorId: staff.id, action, after: { clusters: rows.map((row) => row.key) } },
      ...[...cases].map((caseId) => ({ actorId: staff.id, action: 'case.read_in_cluster', caseId })),
    ]);
  }
}

const iso = (value: Date | string) => new Date(value).toISOString();

function toCluster(row: ClusterRow): IdentifierCluster {
  return {
    key: row.key,
    kind: row.kind,
    value: row.secret ? SECRET_SHOWN_AS : row.value,
    caseCount: row.caseCount,
    firstSeen: iso(row.firstSeen),
    lastSeen: iso(row.lastSeen),
    lastActivityAt: iso(row.lastActivityAt),
    platforms: row.platforms,
    countries: row.countries,
    // Most serious first, as everywhere else.
    priorities: [...row.priorities].sort((a, b) => PRIORITIES.indexOf(a) - PRIORITIES.indexOf(b)),
    outcomes: row.outcomes,
    cases: row.cases.map((c) => ({ ...c, createdAt: iso(c.createdAt), updatedAt: iso(c.updatedAt) })),
  };
}
