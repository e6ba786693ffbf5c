import { Module } from '@nestjs/common';
import { ClusterRefresher } from './cluster-refresher';

/** The worker side of patterns across cases: the cluster table refreshed after changes commit. */
@Module({
  providers: [ClusterRefresher],
})
export class CaseLinksWorkerModule {}
