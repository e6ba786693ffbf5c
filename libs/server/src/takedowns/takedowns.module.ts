import { Module } from '@nestjs/common';
import { TakedownsController } from './takedowns.controller';
import { TakedownsService } from './takedowns.service';

/** Takedown requests to platforms and their lifecycle. */
@Module({
  controllers: [TakedownsController],
  providers: [TakedownsService],
})
export class TakedownsModule {}
