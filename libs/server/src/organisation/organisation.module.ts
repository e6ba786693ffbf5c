import { Module } from '@nestjs/common';
import { OrganisationController } from './organisation.controller';
import { OrganisationHoursService } from './organisation-hours.service';

/** The organisation's own settings: for now its opening hours. Exports the service for triage and the public pages. */
@Module({
  controllers: [OrganisationController],
  providers: [OrganisationHoursService],
  exports: [OrganisationHoursService],
})
export class OrganisationModule {}
