import { ActionPlanStep, MatchedResource } from '@sg/domain';

/** `201` from `POST /api/intakes`. The access code is shown once here and never again. */
export interface IntakeResponse {
  /** The case reference, e.g. `SG-7K3M-9QXD`. */
  reference: string;
  /** With the reference, lets the person come back without an account. Store nowhere. */
  accessCode: string;
  actionPlan: ActionPlanStep[];
  resources: MatchedResource[];
  /** When someone aims to reach out, in words ("within an hour"); null if they asked not to be contacted. */
  firstResponseWithin: string | null;
  /** Only for staff recording an intake: the new case's id, to open it. Never sent to the public. */
  caseId?: string;
}
