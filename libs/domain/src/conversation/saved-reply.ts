import { isOneOf } from '../support/typed-records';

/**
 * Saved replies carry placeholders an admin writes into the template and the caseworker's screen
 * fills from the case before they edit and send:
 * - `{{next_step}}`: the first step of the person's plan they have not done yet;
 * - `{{open_steps}}`: every step not done yet, one per line.
 * A placeholder this case cannot fill (every step done) becomes an empty string; an unknown one is
 * left as written, so the caseworker sees it and edits it before sending.
 */
export const SAVED_REPLY_PLACEHOLDERS = ['next_step', 'open_steps'] as const;
export type SavedReplyPlaceholder = (typeof SAVED_REPLY_PLACEHOLDERS)[number];

export function fillSavedReply(template: string, plan: ReadonlyArray<{ title: string; done: boolean }>): string {
  const open = plan.filter((step) => !step.done).map((step) => step.title);
  const values: Record<SavedReplyPlaceholder, string> = {
    next_step: open[0] ?? '',
    open_steps: open.map((title) => `- ${title}`).join('\n'),
  };
  return template.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (whole, name: string) => (isOneOf(SAVED_REPLY_PLACEHOLDERS, name) ? values[name] : whole));
}
