// The audit insert lives in audit.repository.ts (all of the audit log's SQL); this path stays so
// the many callers in other folders need not change while they are being reworked.
export { recordAudit, recordAudits } from './audit.repository';
export type { AuditRecord, AuditTargetKind } from './audit.repository';
