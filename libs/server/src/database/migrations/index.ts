import { InitialSchema1763800000000 } from './1763800000000-initial-schema';
import { IntakeAndCases1763900000000 } from './1763900000000-intake-and-cases';
import { CaseWork1764000000000 } from './1764000000000-case-work';
import { FollowUps1764100000000 } from './1764100000000-follow-ups';
import { FollowUpRevisions1765100000000 } from './1765100000000-follow-up-revisions';
import { NotificationHolder1765100001000 } from './1765100001000-notification-holder';
import { FollowUpEnqueued1765100002000 } from './1765100002000-follow-up-enqueued';
import { OverdueFollowUps1765200000000 } from './1765200000000-overdue-follow-ups';
import { AuditTargetsLoginThrottle1765300000000 } from './1765300000000-audit-targets-login-throttle';
import { TrendsIndexes1765400000000 } from './1765400000000-trends-indexes';
import { TriageFactorSeverity1765500000000 } from './1765500000000-triage-factor-severity';
import { ContactDeclined1765500001000 } from './1765500001000-contact-declined';
import { DirectoryHelplinesMalaysiaPolice1765500002000 } from './1765500002000-directory-helplines-malaysia-police';

/**
 * Every migration, in order. Listed explicitly (not globbed) because the API and worker are
 * bundled, so migration files are not on disk beside them at run time.
 */
import { Conversation1765600000000 } from './1765600000000-conversation';
import { SavedReplies1765600001000 } from './1765600001000-saved-replies';
import { MessageNudges1765600002000 } from './1765600002000-message-nudges';
import { TranscriptPersonTimeZone1765600003000 } from './1765600003000-transcript-person-time-zone';
import { TargetPause1765600004000 } from './1765600004000-target-pause';
import { OrganisationHours1765600010000 } from './1765600010000-organisation-hours';
import { CaseLanguage1765700000000 } from './1765700000000-case-language';
import { ResourceTranslations1765700001000 } from './1765700001000-resource-translations';
import { StaffLanguage1765700002000 } from './1765700002000-staff-language';
import { SavedReplyTranslations1765700003000 } from './1765700003000-saved-reply-translations';
import { LockoutPerAddressSessionFamilies1766100000000 } from './1766100000000-lockout-per-address-session-families';
import { RateLimitCounter1766400000000 } from './1766400000000-rate-limit-counter';
import { AuditSeal1766500000000 } from './1766500000000-audit-seal';
import { RetentionLegalHold1766600000000 } from './1766600000000-retention-legal-hold';
import { AuditForgetPurgedPayloads1766790000000 } from './1766790000000-audit-forget-purged-payloads';
import { CaseIdentifiers1766700000000 } from './1766700000000-case-identifiers';
import { StaffTotp1766800000000 } from './1766800000000-staff-totp';
import { SealedFreeText1766805000000 } from './1766805000000-sealed-free-text';
import { EvidenceIdentifiers1766810000000 } from './1766810000000-evidence-identifiers';
import { CaseLinks1766815000000 } from './1766815000000-case-links';
import { SealedLegalHoldReason1766830000000 } from './1766830000000-sealed-legal-hold-reason';
import { SealedPriorityOverrideReason1766831000000 } from './1766831000000-sealed-priority-override-reason';
import { SealedCaseLinkReason1766832000000 } from './1766832000000-sealed-case-link-reason';
import { IdentifierCluster1766840000000 } from './1766840000000-identifier-cluster';
import { SealedAuditPayloads1766845000000 } from './1766845000000-sealed-audit-payloads';
import { IdentifierClusterAggregates1766855000000 } from './1766855000000-identifier-cluster-aggregates';
import { IdentifierClusterNoted1766860000000 } from './1766860000000-identifier-cluster-noted';
import { CaseIdentifierOthersHolding1766862000000 } from './1766862000000-case-identifier-others-holding';
import { PlatformTriggerNotesOnce1766870000000 } from './1766870000000-platform-trigger-notes-once';
export const MIGRATIONS = [
  InitialSchema1763800000000,
  IntakeAndCases1763900000000,
  CaseWork1764000000000,
  FollowUps1764100000000,
  FollowUpRevisions1765100000000,
  NotificationHolder1765100001000,
  FollowUpEnqueued1765100002000,
  OverdueFollowUps1765200000000,
  AuditTargetsLoginThrottle1765300000000,
  TrendsIndexes1765400000000,
  TriageFactorSeverity1765500000000,
  ContactDeclined1765500001000,
  DirectoryHelplinesMalaysiaPolice1765500002000,
  Conversation1765600000000,
  SavedReplies1765600001000,
  MessageNudges1765600002000,
  TranscriptPersonTimeZone1765600003000,
  TargetPause1765600004000,
  OrganisationHours1765600010000,
  CaseLanguage1765700000000,
  ResourceTranslations1765700001000,
  StaffLanguage1765700002000,
  SavedReplyTranslations1765700003000,
  LockoutPerAddressSessionFamilies1766100000000,
  RateLimitCounter1766400000000,
  AuditSeal1766500000000,
  RetentionLegalHold1766600000000,
  CaseIdentifiers1766700000000,
  AuditForgetPurgedPayloads1766790000000,
  StaffTotp1766800000000,
  SealedFreeText1766805000000,
  EvidenceIdentifiers1766810000000,
  CaseLinks1766815000000,
  SealedLegalHoldReason1766830000000,
  SealedPriorityOverrideReason1766831000000,
  SealedCaseLinkReason1766832000000,
  IdentifierCluster1766840000000,
  SealedAuditPayloads1766845000000,
  IdentifierClusterAggregates1766855000000,
  IdentifierClusterNoted1766860000000,
  CaseIdentifierOthersHolding1766862000000,
  PlatformTriggerNotesOnce1766870000000,
];
