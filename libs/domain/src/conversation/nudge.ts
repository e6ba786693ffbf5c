/**
 * What a person receives on their phone or in their inbox when the team writes to them. Someone
 * else may see that screen (a parent, a partner, the person threatening them), so a nudge says only
 * that there is a new message and how to read it: never the reference, the access code, the words
 * of any message, anything about what happened, or (unless the person allowed it) who it is from.
 */
export interface NudgeInput {
  channel: 'email' | 'sms';
  /** The organisation's name, or null when the person did not allow it to be named. */
  organisationName: string | null;
  /** Where to read it (the site's address): only with the organisation named. */
  readUrl: string | null;
}

export interface Nudge {
  /** E-mail only. */
  subject: string | null;
  text: string;
}

export function composeNudge(input: NudgeInput): Nudge {
  const named = input.organisationName !== null;
  const where = named && input.readUrl
    ? `Read it at ${input.readUrl} with your reference and code.`
    : 'To read it, go back to the site where you asked for help and open it with your reference and code.';
  const from = named ? ` from ${input.organisationName}` : '';
  return {
    subject: input.channel === 'email' ? `You have a new message${from}` : null,
    text: input.channel === 'email' ? `Hello,\n\nYou have a new message${from}.\n\n${where}\n` : `You have a new message${from}. ${where}`,
  };
}
