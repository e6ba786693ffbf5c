import { Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { CaseAccessModule } from './case-access/case-access.module';
import { CasesModule } from './cases/cases.module';
import { ConversationModule } from './conversation/conversation.module';
import { FollowUpSchedulingModule } from './follow-ups/follow-up-scheduling.module';
import { FollowUpsModule } from './follow-ups/follow-ups.module';
import { HealthModule } from './health/health.module';
import { RateLimitModule } from './http/rate-limit.module';
import { IntakeModule } from './intake/intake.module';
import { ResourcesModule } from './resources/resources.module';
import { SavedRepliesModule } from './saved-replies/saved-replies.module';
import { OrganisationModule } from './organisation/organisation.module';
import { SecurityModule } from './security/security.module';
import { TrendsModule } from './trends/trends.module';
import { RetentionModule } from './retention/retention.module';
import { ReferralPacketModule } from './referral-packet/referral-packet.module';
import { FundersExportModule } from './funders-export/funders-export.module';
import { CaseLinksModule } from './case-links/case-links.module';
import { EntitiesModule } from './entities';
import { StaffModule } from './staff/staff.module';
import { SecondFactorModule } from './second-factor/second-factor.module';
import { TakedownsModule } from './takedowns/takedowns.module';
import { ReportsModule } from './reports/reports.module';
import { NotificationsModule } from './notifications/notifications.module';
import { SupervisionModule } from './supervision/supervision.module';

/**
 * Every HTTP feature of the API, in one place so the app and the integration tests compose the
 * same thing. Infrastructure (config, logging, database, queues) is composed by the caller.
 */
@Module({
  imports: [
    EntitiesModule,
    SecurityModule,
    RateLimitModule,
    AuthModule,
    SecondFactorModule,
    HealthModule,
    ResourcesModule,
    IntakeModule,
    CaseAccessModule,
    CasesModule,
    StaffModule,
    SupervisionModule,
    ConversationModule,
    SavedRepliesModule,
    OrganisationModule,
    FollowUpSchedulingModule,
    FollowUpsModule,
    TakedownsModule,
    ReportsModule,
    NotificationsModule,
    TrendsModule,
    RetentionModule,
    ReferralPacketModule,
    FundersExportModule,
    CaseLinksModule,
  ],
})
export class ApiFeaturesModule {}
