import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Organisation } from './accounts/organisation.entity';
import { StaffUser } from './accounts/staff-user.entity';
import { AuditLogEntry } from './audit/audit-log.entity';
import { AuditSealRow } from './audit/audit-seal.entity';
import { StaffSession } from './auth/staff-session.entity';
import { LoginThrottleAddressRow, LoginThrottleRow } from './auth/login-throttle.entity';
import { CaseContentUrl, CaseEvent, CaseEvidenceRow, CaseNoteRow, CasePlanStep, CasePlatform, IdempotencyRecord } from './case-core/case-children.entity';
import { SupportCase } from './case-core/support-case.entity';
import { FollowUpRow } from './follow-ups/follow-up.entity';
import { NotificationRow } from './notifications/notification.entity';
import { CaseReportRow } from './reports/case-report.entity';
import { TakedownRequestRow } from './takedowns/takedown-request.entity';
import { CaseAccessSessionRow, CaseMessageReadRow, CaseMessageRow, CaseTranscriptRow } from './conversation/conversation.entities';
import { SavedReplyRow } from './saved-replies/saved-reply.entity';
import { OrganisationHoursRow } from './organisation/organisation-hours.entity';
import { RateLimitCounterRow } from './http/rate-limit-counter.entity';
import { CaseIdentifierRow } from './identifiers/case-identifier.entity';
import { PurgedIdentifierRow } from './identifiers/purged-identifier.entity';
import { CaseLinkRow } from './case-links/case-link.entity';
import { IdentifierClusterRow } from './case-links/identifier-cluster.entity';
import { IdentifierClusterNotedRow } from './case-links/identifier-cluster-noted.entity';
import { ResourceEntryRow } from './resources/resource-entry.entity';
import { WorkerHeartbeat } from './system/worker-heartbeat.entity';
import { RETENTION_ENTITIES } from './retention/retention.entities';
import { StaffTotpRecoveryCodeRow, StaffTotpRow } from './second-factor/staff-totp.entities';

/**
 * Every TypeORM entity, listed once. It names every folder's entities, so it is composition and
 * lives here beside ApiFeaturesModule, not in database/ (which every folder imports: listing them
 * there made database/ and each feature import each other). The app and the worker register them
 * with EntitiesModule (DatabaseModule loads what is registered); the test databases with this list.
 */
export const ENTITIES = [
  Organisation,
  StaffUser,
  WorkerHeartbeat,
  SupportCase,
  CasePlatform,
  CaseContentUrl,
  CasePlanStep,
  CaseEvent,
  IdempotencyRecord,
  ResourceEntryRow,
  StaffSession,
  LoginThrottleRow,
  LoginThrottleAddressRow,
  AuditLogEntry,
  AuditSealRow,
  CaseNoteRow,
  CaseEvidenceRow,
  TakedownRequestRow,
  CaseReportRow,
  FollowUpRow,
  NotificationRow,
  CaseMessageRow,
  CaseMessageReadRow,
  CaseAccessSessionRow,
  CaseTranscriptRow,
  SavedReplyRow,
  OrganisationHoursRow,
  RateLimitCounterRow,
  ...RETENTION_ENTITIES,
  CaseIdentifierRow,
  StaffTotpRow,
  StaffTotpRecoveryCodeRow,
  PurgedIdentifierRow,
  CaseLinkRow,
  IdentifierClusterRow,
  IdentifierClusterNotedRow,
];

/** Registers ENTITIES with the process's DataSource (DatabaseModule has `autoLoadEntities`). */
@Module({
  imports: [TypeOrmModule.forFeature(ENTITIES)],
})
export class EntitiesModule {}
