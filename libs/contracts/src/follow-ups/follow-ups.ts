import { FollowUpKind, FollowUpStatus, FollowUpSubjectType } from '@sg/domain';

/** `GET /api/cases/:id/follow-ups`: everything scheduled for the case, its takedowns and reports. */
export interface FollowUpView {
  id: string;
  kind: FollowUpKind;
  /** The kind in words, e.g. "Chase the takedown request". */
  label: string;
  dueAt: string;
  status: FollowUpStatus;
  subject: { type: FollowUpSubjectType; id: string; label: string };
  firedAt: string | null;
  doneAt: string | null;
}
