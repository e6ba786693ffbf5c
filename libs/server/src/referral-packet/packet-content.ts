import { ReferralRecipient } from '@sg/contracts';
import {
  AgeBand,
  ContactChannel,
  ContentPostedAnswer,
  Demand,
  IntakeChannel,
  Priority,
  ReportAgencyKind,
  ReportStatus,
  SelfHarmAnswer,
  StaffLanguage,
  Submitter,
  TakedownChannel,
  TakedownStatus,
} from '@sg/domain';
import type { CaseStatus } from '@sg/domain';
import { IdentifierKind } from '@sg/domain/identifiers';
import { LinkedCaseReference } from './linked-cases';

/**
 * Everything one referral packet shows, read and checked in one transaction (the access policy,
 * the person's consent) before a byte of PDF is written. Rendering is a pure function of it.
 */
export interface PacketContent {
  recipient: ReferralRecipient;
  language: StaffLanguage;
  /** The organisation's zone: every time in the packet is written in it, and says so. */
  timeZone: string;
  generatedAt: Date;
  generatedBy: string;
  case: {
    reference: string;
    status: CaseStatus;
    priority: Priority;
    createdAt: Date;
  };
  facts: {
    submittedBy: Submitter;
    channel: IntakeChannel;
    ageBand: AgeBand;
    contentMadeUnder18: boolean | null;
    country: string;
    selfHarm: SelfHarmAnswer;
    immediateDanger: boolean;
    deadlineAt: Date | null;
    demands: Demand[];
    contentPosted: ContentPostedAnswer;
    stillInContact: boolean | null;
    paid: boolean | null;
    /** The person's own words; null for a platform's packet (they need accounts and content, not the story). */
    narrative: string | null;
    platforms: Array<{ platform: string; offenderHandle: string | null; profileUrl: string | null }>;
    contentUrls: string[];
  };
  /** Oldest first. */
  timeline: Array<{ at: Date; summary: string }>;
  /** Earlier timeline entries beyond PACKET_TIMELINE_LIMIT, left out (the packet says so). */
  timelineOmitted: number;
  /** Secrets (gift-card codes) opened: the recipient needs the code to trace or freeze it. */
  identifiers: Array<{ kind: IdentifierKind; value: string }>;
  /** Oldest first, numbered in that order. */
  evidence: Array<{
    kind: string;
    platform: string | null;
    offenderHandle: string | null;
    profileUrl: string | null;
    description: string;
    paymentReference: string | null;
    seenAt: Date | null;
    sha256: string | null;
    fileName: string | null;
    addedAt: Date;
    addedBy: string;
  }>;
  takedowns: Array<{
    platform: string;
    target: string;
    channel: TakedownChannel;
    status: TakedownStatus;
    ticketNumber: string | null;
    submittedAt: Date | null;
    removedAt: Date | null;
  }>;
  reports: Array<{ agencyKind: ReportAgencyKind; agencyName: string; status: ReportStatus; referenceNumber: string | null; filedAt: Date | null }>;
  linkedCases: LinkedCaseReference[];
  /** Only when the staff member chose to include them and the person consented to being contacted. */
  contact: { channel: ContactChannel; value: string | null; safeTimes: string | null; canMentionOrganisation: boolean } | null;
}

/**
 * A packet from a cluster: the shared identifier, then each case the requester may open, laid out
 * as its own packet. No contact details, for any case (every `cases[].contact` is null).
 */
export interface ClusterPacketContent extends Pick<PacketContent, 'recipient' | 'language' | 'timeZone' | 'generatedAt' | 'generatedBy'> {
  /** A secret (a gift-card code) opened, as the case packet opens it. */
  identifier: { kind: IdentifierKind; value: string };
  /** How many cases hold the identifier now. */
  caseCount: number;
  cases: Array<PacketContent & { contact: null }>;
  /** Cases holding it that are not in this packet (beyond the cluster's case limit). */
  casesLeftOut: number;
}
