import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CASE_LINK_LIMITS, ReferralRecipient } from '@sg/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { StaffPrincipal } from '../auth/staff-principal';
import { clusterRepository, ClusterRow } from '../case-links/cluster.repository';
import { refreshClustersBeforeRead } from '../case-links/cluster-refresher';
import { mayWorkCase } from '../case-core/case-access-policy';
import { loadCaseState } from '../cases/case-detail.reader';
import { identifierSealContext } from '../identifiers/case-identifiers';
import { DataProtection } from '../security/data-protection';
import { ClusterPacketContent } from './packet-content';
import { ReferralPacketService } from './referral-packet.service';
import { referralPacketRepository } from './referral-packet.repository';

/**
 * Gathers a referral packet from a cluster: the shared identifier and, for each case holding it
 * that the requester may open (the case page's rule, case by case), what that case's own packet
 * holds, read by the case packet's own code (`ReferralPacketService.caseContent`). Contact details
 * are never read. One transaction reads it all and writes one audit row naming the cluster and
 * every case in the packet (never the content).
 */
@Injectable()
export class ClusterReferralPacketService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly protection: DataProtection,
    private readonly casePackets: ReferralPacketService,
  ) {}

  async prepare(staff: StaffPrincipal, key: string, recipient: ReferralRecipient): Promise<ClusterPacketContent> {
    await refreshClustersBeforeRead(this.dataSource);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [cluster] = await clusterRepository.one(manager, key, CASE_LINK_LIMITS.clusterCasesMax);
      if (!cluster) throw new NotFoundException('No cluster by that key: its cases may have changed; open it again from the list');
      const caseIds: string[] = [];
      const cases: ClusterPacketContent['cases'] = [];
      for (const c of cluster.cases) {
        const state = await loadCaseState(manager, c.id, false);
        if (!mayWorkCase(staff, state.assigneeId)) continue;
        caseIds.push(c.id);
        cases.push({ ...(await this.casePackets.caseContent(manager, staff, c.id, recipient, null)), contact: null });
      }
      const identifier = { kind: cluster.kind, value: await this.identifierText(manager, cluster) };
      await recordAudit(manager, { actorId: staff.id, action: 'cluster.referral_packet', after: { cluster: key, recipient, cases: caseIds } });
      return {
        ...(await this.casePackets.frame(manager, staff, recipient)),
        identifier,
        caseCount: cluster.caseCount,
        cases,
        casesLeftOut: cluster.caseCount - cases.length,
      };
    });
  }

  /** The identifier as the recipient needs it: a secret (a gift-card code) opened, as the case packet opens it. */
  private async identifierText(manager: EntityManager, cluster: ClusterRow): Promise<string> {
    if (!cluster.secret) return cluster.value;
    const sealed = await referralPacketRepository.sealedIdentifier(manager, cluster.kind, cluster.value);
    return sealed ? this.protection.open<string>(sealed.value_sealed, identifierSealContext(sealed.case_id)) : cluster.value;
  }
}
