import { Module } from '@nestjs/common';
import { ResourcesModule } from '../resources/resources.module';
import { IntakeController } from './intake.controller';
import { IntakeService } from './intake.service';

@Module({
  imports: [ResourcesModule],
  controllers: [IntakeController],
  providers: [IntakeService],
})
export class IntakeModule {}
