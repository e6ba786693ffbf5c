export { CASE_STATUSES, type CaseStatus } from '@sg/domain';
