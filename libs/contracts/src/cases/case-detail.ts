import { ActionPlanStepKey, CaseStatus, Language, Priority, Translatable, TriageFactor } from '@sg/domain';
import { IdentifierKind, IdentifierSource } from '@sg/domain/identifiers';
import type { StaffRef } from './case-queries';

export interface CaseFactsView {
  submittedBy: string;
  channel: string;
  alias: string | null;
  ageBand: string;
  contentMadeUnder18: boolean | null;
  country: string;
  selfHarm: string;
  immediateDanger: boolean;
  deadlineAt: string | null;
  demands: string[];
  contentPosted: string;
  stillInContact: boolean | null;
  paid: boolean | null;
  narrative: string | null;
}

export interface TimelineEntry {
  id: string;
  at: string;
  actor: { kind: 'person' | 'staff' | 'system'; staff: StaffRef | null };
  kind: string;
  /** One line for people, e.g. "Claimed by Casey Caseworker". */
  summary: string;
  data: Record<string, unknown>;
}

export interface CaseNote {
  id: string;
  at: string;
  author: StaffRef;
  body: string;
}

export const EVIDENCE_KINDS = ['offender_account', 'threat_message', 'payment', 'content_location', 'other'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Structured evidence: text and an optional browser-computed SHA-256. Never a media file. */
export interface EvidenceEntry {
  id: string;
  kind: EvidenceKind;
  platform: string | null;
  offenderHandle: string | null;
  profileUrl: string | null;
  description: string;
  paymentReference: string | null;
  seenAt: string | null;
  sha256: string | null;
  fileName: string | null;
  addedAt: string;
  addedBy: StaffRef;
  /** The offender identifiers recorded with it, typed, in their normal form, by kind then value. */
  identifiers: EvidenceIdentifier[];
}

/** One typed identifier of a piece of evidence. */
export interface EvidenceIdentifier {
  /** Send back as `{ keep: id }` in an edit to keep it as it is (the only way to keep a secret). */
  id: string;
  kind: IdentifierKind;
  /** Its normal form; a secret (a gift-card code) is sent as `••••`, never in clear. */
  value: string;
  secret: boolean;
}

export interface CaseDetail {
  id: string;
  reference: string;
  /** Send back in PATCH bodies: a stale version is refused with 409. */
  version: number;
  status: CaseStatus;
  allowedTransitions: CaseStatus[];
  priority: Priority;
  triagePriority: Priority;
  triageFactors: TriageFactor[];
  priorityOverride: { priority: Priority; reason: string; by: StaffRef | null; at: string } | null;
  firstResponseDueAt: string;
  firstRespondedAt: string | null;
  assignee: StaffRef | null;
  createdAt: string;
  updatedAt: string;
  facts: CaseFactsView;
  /** The language the person reads (chosen at intake, changed on /my-case): their nudges are in it. */
  language: Language;
  /** How the person asked to be contacted; the details themselves need a recorded reveal. */
  contact: { channel: string; consentToContact: boolean; hasDetails: boolean };
  platforms: Array<{ id: string; platform: string; offenderHandle: string | null; profileUrl: string | null; addedAt: string }>;
  contentUrls: Array<{ id: string; url: string; addedAt: string }>;
  /** Title and detail as catalogue keys and selectors, said in the reader's language (`| t`). */
  actionPlan: Array<{ key: ActionPlanStepKey; title: Translatable; detail: Translatable; done: boolean; doneAt: string | null }>;
  evidence: EvidenceEntry[];
  notes: CaseNote[];
  timeline: TimelineEntry[];
  /** The offender identifiers the case holds, normalised, each with how many other cases hold it. */
  identifiers: CaseIdentifierView[];
}

/** One offender identifier of a case and "seen in N other cases". */
export interface CaseIdentifierView {
  kind: IdentifierKind;
  /** Its normal form; a secret (a gift-card code) is sent as `••••`, never in clear. */
  value: string;
  sources: IdentifierSource[];
  /** How many other cases hold it (every case, also those the reader may not open). */
  otherCases: number;
  /** Supervisors and admins only: those cases, newest first (up to 50). Never sent to a caseworker. */
  cases?: Array<{ id: string; reference: string }>;
}

export interface ContactDetails {
  channel: string;
  value: string | null;
  safeTimes: string | null;
  canMentionOrganisation: boolean;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: StaffRef | null;
  action: string;
  before: unknown;
  after: unknown;
}
