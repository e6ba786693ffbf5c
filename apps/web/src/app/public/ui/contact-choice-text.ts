import { ContactChoice, Translatable, translatable } from '@sg/domain';

/**
 * What the person's pages say about being contacted, true for each answer: a channel chosen (still
 * true once someone has picked the case up), "Do not contact me", or the question skipped.
 * `within` is the first-response target in words while nobody has reached out yet.
 * A catalogue key with parameters; the page says it in the person's language (`| t`).
 */
export function contactChoiceText(choice: ContactChoice | undefined, within: string | null): Translatable {
  if (choice?.kind === 'by_channel') {
    const { channel } = choice;
    return within
      ? translatable('person.fields.contactChoice.byChannelWithin', { channel, within })
      : translatable('person.fields.contactChoice.byChannel', { channel });
  }
  if (choice?.kind === 'declined') return translatable('person.fields.contactChoice.declined');
  // Older answers without a choice, and a skipped question, read the same: both are true.
  return translatable('person.fields.contactChoice.notSaid');
}
