import { Module } from '@nestjs/common';
import { ResourceDirectory } from './resource-directory.service';
import { ResourcesController } from './resources.controller';

@Module({
  controllers: [ResourcesController],
  providers: [ResourceDirectory],
  exports: [ResourceDirectory],
})
export class ResourcesModule {}
