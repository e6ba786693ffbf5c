import type { ContactChoice } from '@sg/domain';

const BY_CHANNEL = { email: 'by email', phone: 'by phone call', sms: 'by text message' } as const;

/**
 * What the person's pages say about being contacted, true for each answer: a channel chosen (still
 * true once someone has picked the case up), "Do not contact me", or the question skipped.
 * `within` is the first-response target in words while nobody has reached out yet.
 */
export function contactChoiceText(choice: ContactChoice | undefined, within: string | null): string {
  if (choice?.kind === 'by_channel') {
    const how = BY_CHANNEL[choice.channel];
    return within ? `Someone from our team will try to contact you ${how} ${within}.` : `Someone from our team is working on your case and will contact you ${how}.`;
  }
  if (choice?.kind === 'declined') return 'You asked us not to contact you. That is fine.';
  // Older answers without a choice, and a skipped question, read the same: both are true.
  return 'You did not give us a way to contact you, so we will not contact you.';
}
