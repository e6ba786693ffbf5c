/**
 * What each sealed value is bound to (AES-GCM additional data): a value copied to another row does
 * not open. One list, so the writers, the readers and the key job (keys/reseal.ts) agree.
 */
export const SEAL_CONTEXT = {
  /** support_case.contact_sealed */
  contact: (caseId: string) => caseId,
  /** support_case.narrative_sealed: the person's own words at intake. */
  narrative: (caseId: string) => `case_narrative:${caseId}`,
  /** case_note.body_sealed */
  note: (noteId: string) => `case_note:${noteId}`,
  /** case_evidence.description_sealed */
  evidence: (evidenceId: string) => `case_evidence:${evidenceId}`,
  /** case_event.sealed: a timeline entry's free text. */
  timeline: (caseId: string) => `case_event:${caseId}`,
  /** support_case.priority_override_reason_sealed: why staff overrode the case's priority. */
  priorityOverride: (caseId: string) => `case_priority_override:${caseId}`,
  /** case_link.reason_sealed: why staff linked two cases. */
  link: (linkId: string) => `case_link:${linkId}`,
  /** case_legal_hold.reason_sealed: the supervisor's reason for the hold. */
  legalHold: (caseId: string) => `case_legal_hold:${caseId}`,
  /** case_transcript.body_sealed */
  transcript: (caseId: string) => `case_transcript:${caseId}`,
  /** case_message.body_sealed */
  message: (messageId: string) => `case_message:${messageId}`,
  /** case_identifier.value_sealed */
  identifier: (caseId: string) => `case_identifier:${caseId}`,
  /** audit_log.payload_sealed: an audit row's payload with staff-typed free text (audit/audit-free-text.ts). */
  audit: (auditId: string) => `audit_log:${auditId}`,
  /** idempotency_record.response_sealed */
  idempotency: (scope: string, key: string) => `${scope}:${key}`,
} as const;
