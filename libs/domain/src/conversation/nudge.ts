import { Translatable, translatable } from '../language/translatable';

/**
 * What a person receives on their phone or in their inbox when the team writes to them. Someone
 * else may see that screen (a parent, a partner, the person threatening them), so a nudge says only
 * that there is a new message and how to read it: never the reference, the access code, the words
 * of any message, anything about what happened, or (unless the person allowed it) who it is from.
 *
 * The words are catalogue keys (`person.nudge.*`), said in the case's language by whoever sends
 * the nudge; only the layout (a greeting and paragraphs for e-mail, one line for SMS) is here.
 */
export interface NudgeInput {
  channel: 'email' | 'sms';
  /** The organisation's name, or null when the person did not allow it to be named. */
  organisationName: string | null;
  /** Where to read it (the site's address, in the person's language): only with the organisation named. */
  readUrl: string | null;
}

export interface Nudge {
  /** E-mail only. */
  subject: string | null;
  text: string;
}

/** Says a catalogue key in the person's language (a Translator's `text`). */
export type SayWords = (words: Translatable) => string;

/** The words of a nudge, as keys: what composeNudge lays out. */
export function nudgeWords(input: NudgeInput): { subject: Translatable; greeting: Translatable; message: Translatable; where: Translatable } {
  const organisation = input.organisationName;
  return {
    subject: organisation !== null ? translatable('person.nudge.subjectFrom', { organisation }) : translatable('person.nudge.subject'),
    greeting: translatable('person.nudge.greeting'),
    message: organisation !== null ? translatable('person.nudge.newMessageFrom', { organisation }) : translatable('person.nudge.newMessage'),
    where: organisation !== null && input.readUrl ? translatable('person.nudge.readAt', { url: input.readUrl }) : translatable('person.nudge.readOnSite'),
  };
}

export function composeNudge(input: NudgeInput, say: SayWords): Nudge {
  const words = nudgeWords(input);
  const message = say(words.message);
  const where = say(words.where);
  return {
    subject: input.channel === 'email' ? say(words.subject) : null,
    text: input.channel === 'email' ? `${say(words.greeting)}\n\n${message}\n\n${where}\n` : `${message} ${where}`,
  };
}
