import * as z from 'zod';
import { REFERRAL_RECIPIENTS } from './referral-recipients';

/**
 * `GET /api/cases/:id/referral-packet?recipient=police&includeContact=false`: the case as a PDF
 * for one recipient. Contact details only with `includeContact=true`, and only when the person
 * consented to being contacted (otherwise 409).
 */
export const referralPacketQuerySchema = z.strictObject({
  recipient: z.enum(REFERRAL_RECIPIENTS),
  includeContact: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});
export type ReferralPacketQuery = z.input<typeof referralPacketQuerySchema>;

/**
 * `GET /api/clusters/:key/referral-packet?recipient=police`: every case holding one shared
 * identifier, in one PDF (supervisors and admins). Never contact details: there is no
 * `includeContact`, and asking for it is a 400 (the schema is strict).
 */
export const clusterReferralPacketQuerySchema = z.strictObject({
  recipient: z.enum(REFERRAL_RECIPIENTS),
});
export type ClusterReferralPacketQuery = z.input<typeof clusterReferralPacketQuerySchema>;
