import { STAFF_LANGUAGES, StaffLanguage } from '@sg/domain';
import * as z from 'zod';
import { text } from '../fields/text';

/** `POST /api/auth/login` */
export const loginRequestSchema = z.strictObject({
  email: text({ error: () => 'is required' })
    .trim()
    .min(3, 'is required')
    .max(320),
  password: text({ error: () => 'is required' })
    .min(1, 'is required')
    .max(1024),
});
export type LoginRequest = z.input<typeof loginRequestSchema>;

export interface StaffUserView {
  id: string;
  email: string;
  displayName: string;
  role: 'caseworker' | 'supervisor' | 'admin';
  /** The dashboard's language for this person, chosen by them and kept with their account. */
  language: StaffLanguage;
}

export interface LoginResponse {
  accessToken: string;
  user: StaffUserView;
  /**
   * Present (true) when the member's role requires a second factor they have not enrolled: this
   * sign-in reaches only enrolment (and `me`) until they have, then renews its token.
   */
  enrolmentRequired?: true;
}

/** `PUT /api/auth/me/language`: the signed-in staff member changes their own dashboard language. */
export const staffLanguageChangeSchema = z.strictObject({
  language: z.enum(STAFF_LANGUAGES, { error: () => `must be one of ${STAFF_LANGUAGES.join(', ')}` }),
});
export type StaffLanguageChange = z.input<typeof staffLanguageChangeSchema>;
