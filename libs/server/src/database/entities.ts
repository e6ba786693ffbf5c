import { Organisation } from '../accounts/organisation.entity';
import { StaffUser } from '../accounts/staff-user.entity';
import { AuditLogEntry } from '../audit/audit-log.entity';
import { AuditSealRow } from '../audit/audit-seal.entity';
import { StaffSession } from '../auth/staff-session.entity';
import { LoginThrottleAddressRow, LoginThrottleRow } from '../auth/login-throttle.entity';
import { CaseContentUrl, CaseEvent, CaseEvidenceRow, CaseNoteRow, CasePlanStep, CasePlatform, IdempotencyRecord } from '../cases/case-children.entity';
import { SupportCase } from '../cases/support-case.entity';
import { CaseReportRow, FollowUpRow, NotificationRow, TakedownRequestRow } from '../follow-ups/follow-up.entities';
import { CaseAccessSessionRow, CaseMessageReadRow, CaseMessageRow, CaseTranscriptRow } from '../conversation/conversation.entities';
import { SavedReplyRow } from '../saved-replies/saved-reply.entity';
import { OrganisationHoursRow } from '../organisation/organisation-hours.entity';
import { RateLimitCounterRow } from '../http/rate-limit-counter.entity';
import { CaseIdentifierRow } from '../identifiers/case-identifier.entity';
import { PurgedIdentifierRow } from '../identifiers/purged-identifier.entity';
import { CaseLinkRow } from '../case-links/case-link.entity';
import { IdentifierClusterRow } from '../case-links/identifier-cluster.entity';
import { ResourceEntryRow } from '../resources/resource-entry.entity';
import { WorkerHeartbeat } from '../system/worker-heartbeat.entity';
import { RETENTION_ENTITIES } from '../retention/retention.entities';
import { StaffTotpRecoveryCodeRow, StaffTotpRow } from '../second-factor/staff-totp.entities';

/** Every TypeORM entity, listed once: the app, the worker and the migration CLI all use this. */
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
];
