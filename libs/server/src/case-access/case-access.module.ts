import { Module } from '@nestjs/common';
import { ResourcesModule } from '../resources/resources.module';
import { CaseAccessController } from './case-access.controller';
import { CaseAccessService } from './case-access.service';

@Module({
  imports: [ResourcesModule],
  controllers: [CaseAccessController],
  providers: [CaseAccessService],
})
export class CaseAccessModule {}
