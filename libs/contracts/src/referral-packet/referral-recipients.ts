/**
 * Who a referral packet is written for. Police and the CyberTipline get the whole story; a
 * platform's trust & safety team gets what it needs to act on accounts and content, not the
 * person's own account of what happened (see the README, "The referral packet").
 */
export const REFERRAL_RECIPIENTS = ['police', 'cybertipline', 'platform'] as const;
export type ReferralRecipient = (typeof REFERRAL_RECIPIENTS)[number];
