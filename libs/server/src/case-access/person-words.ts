import { CaseStatus, Translatable, translatable, present } from '@sg/domain';
import { translatorFor } from '@sg/i18n/server';
import type { CaseAddition } from './case-access.service';

/**
 * The person's own pages get keys, not sentences (`Translatable`): the page says them in the
 * language it is read in, which can change after the case was written.
 */

/** The case's status as the person reads it; the catalogue's `person.caseStatus.*` words it. */
export function caseStatusWords(status: CaseStatus): Translatable {
  return translatable(`person.caseStatus.${status}`);
}

/** When someone aims to reach out ("within an hour"), as describeResponseTarget words it in English. */
export function responseTargetWords(minutes: number): Translatable {
  if (minutes < 60) return translatable('person.firstResponse.withinMinutes', { minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 48) return translatable('person.firstResponse.withinHours', { hours });
  return translatable('person.firstResponse.withinDays', { days: Math.round(hours / 24) });
}

/**
 * The same from the English words an answer remembered before the catalogues held ("within an
 * hour"), so a retried intake replays a key like a new one.
 */
export function responseTargetFromEnglish(words: string): Translatable | null {
  if (words === 'within an hour') return responseTargetWords(60);
  const match = /^within (\d+) (minutes|hours|days)$/.exec(words);
  if (!match) return null;
  const count = Number(match[1]);
  const unit = present(match[2], 'the unit of the response target');
  return translatable(`person.firstResponse.within${unit === 'minutes' ? 'Minutes' : unit === 'hours' ? 'Hours' : 'Days'}`, { [unit]: count });
}

/** What one addition changed, in order (each part one line on the person's page). */
export function additionParts(addition: CaseAddition, contentPostedBefore: string): Translatable[] {
  const parts: Translatable[] = [];
  if (addition.platforms?.length) parts.push(translatable('person.additions.accounts', { count: addition.platforms.length }));
  if (addition.contentUrls?.length) parts.push(translatable('person.additions.links', { count: addition.contentUrls.length }));
  if (addition.deadlineAt !== undefined)
    parts.push(translatable(addition.deadlineAt ? 'person.additions.deadlineUpdated' : 'person.additions.deadlineRemoved'));
  if (addition.contentPosted !== undefined && addition.contentPosted !== contentPostedBefore) {
    parts.push(translatable(addition.contentPosted === 'yes' ? 'person.additions.contentPosted' : 'person.additions.contentUpdated'));
  }
  if (addition.note) parts.push(translatable('person.additions.note'));
  return parts;
}

const SEPARATOR = '; ';
const english = translatorFor('en');
/** The fixed parts by their English, to read a stored summary back into keys. */
const FIXED_PARTS = new Map(
  ['deadlineUpdated', 'deadlineRemoved', 'contentPosted', 'contentUpdated', 'note'].map((name) => [
    english.t(`person.additions.${name}`),
    `person.additions.${name}`,
  ]),
);

/**
 * The one English line the staff timeline shows (`person_added_information`'s `summary`, as it
 * always has been): the English catalogue's words, joined.
 */
export function englishAdditionSummary(parts: readonly Translatable[]): string {
  return parts.map((part) => english.text(part)).join(SEPARATOR);
}

/**
 * A stored summary read back into its parts, for the person's page. The timeline keeps only the
 * English line (events from before the catalogues have nothing else), and that line is written by
 * englishAdditionSummary from a closed set of parts, so reading it back is exact; anything
 * unrecognised (it should not happen) reads as "Added information" rather than as English.
 */
export function additionPartsFromSummary(summary: string): Translatable[] {
  if (!summary) return [translatable('person.additions.other')];
  return summary.split(SEPARATOR).map((segment): Translatable => {
    const counted = /^Added (\d+) (account|link)s?$/.exec(segment);
    if (counted) return translatable(counted[2] === 'account' ? 'person.additions.accounts' : 'person.additions.links', { count: Number(counted[1]) });
    return translatable(FIXED_PARTS.get(segment) ?? 'person.additions.other');
  });
}
