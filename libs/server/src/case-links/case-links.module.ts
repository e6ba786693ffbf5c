import { Module } from '@nestjs/common';
import { CaseLinksController, ClustersController } from './case-links.controller';
import { CaseLinksService } from './case-links.service';
import { CaseMergeService } from './case-merge.service';
import { ClustersService } from './clusters.service';

/** Patterns across cases: clusters of shared identifiers, links between cases, merging a duplicate into its original. */
@Module({
  controllers: [CaseLinksController, ClustersController],
  providers: [CaseLinksService, CaseMergeService, ClustersService],
})
export class CaseLinksModule {}
