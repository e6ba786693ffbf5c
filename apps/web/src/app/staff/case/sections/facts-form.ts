import type { CaseFactsView, CaseUpdate } from '@sg/contracts';
import { AGE_BANDS, AgeBand, CONTENT_POSTED_ANSWERS, ContentPostedAnswer, SELF_HARM_ANSWERS, SelfHarmAnswer, isOneOf, keysOf } from '@sg/domain';
import type { Translator } from '@sg/i18n';
import { AGE_BAND_LABELS, CONTENT_POSTED_LABELS, SELF_HARM_LABELS, labelIn } from '../../ui/labels';
import { fromDateTimeLocal, fromTriState, toDateTimeLocal, toTriState } from './datetime-local';
import { whenIn } from '../../ui/when';
import type { Speaks } from '../speaks';

/** What the facts form holds: the facts staff may correct, as the inputs speak them. */
export interface FactsFormValue {
  ageBand: AgeBand;
  contentMadeUnder18: '' | 'yes' | 'no';
  selfHarm: SelfHarmAnswer;
  immediateDanger: 'yes' | 'no';
  deadlineAt: string;
  contentPosted: ContentPostedAnswer;
  stillInContact: '' | 'yes' | 'no';
  paid: '' | 'yes' | 'no';
}

export type FactsChange = Pick<
  CaseUpdate,
  'ageBand' | 'contentMadeUnder18' | 'selfHarm' | 'immediateDanger' | 'deadlineAt' | 'contentPosted' | 'stillInContact' | 'paid'
>;

const oneOf = <T extends string>(values: readonly T[], value: string, fallback: T): T => (isOneOf(values, value) ? value : fallback);

export function factsFormValue(facts: CaseFactsView): FactsFormValue {
  return {
    ageBand: oneOf(AGE_BANDS, facts.ageBand, 'unknown'),
    contentMadeUnder18: toTriState(facts.contentMadeUnder18),
    selfHarm: oneOf(SELF_HARM_ANSWERS, facts.selfHarm, 'prefer_not_to_say'),
    immediateDanger: facts.immediateDanger ? 'yes' : 'no',
    deadlineAt: toDateTimeLocal(facts.deadlineAt),
    contentPosted: oneOf(CONTENT_POSTED_ANSWERS, facts.contentPosted, 'unknown'),
    stillInContact: toTriState(facts.stillInContact),
    paid: toTriState(facts.paid),
  };
}

/**
 * What the person changed in the form, compared with the facts the form was filled from (not
 * whatever is on screen now: a colleague's change in the meantime is theirs, not this person's).
 */
export function factsChange(base: CaseFactsView, value: FactsFormValue): FactsChange {
  const before = factsFormValue(base);
  const change: FactsChange = {};
  if (value.ageBand !== before.ageBand) change.ageBand = value.ageBand;
  if (value.contentMadeUnder18 !== before.contentMadeUnder18) change.contentMadeUnder18 = fromTriState(value.contentMadeUnder18);
  if (value.selfHarm !== before.selfHarm) change.selfHarm = value.selfHarm;
  if (value.immediateDanger !== before.immediateDanger) change.immediateDanger = value.immediateDanger === 'yes';
  if (value.deadlineAt !== before.deadlineAt) change.deadlineAt = fromDateTimeLocal(value.deadlineAt);
  if (value.contentPosted !== before.contentPosted) change.contentPosted = value.contentPosted;
  if (value.stillInContact !== before.stillInContact) change.stillInContact = fromTriState(value.stillInContact);
  if (value.paid !== before.paid) change.paid = fromTriState(value.paid);
  return change;
}

export interface FactDifference {
  label: string;
  before: string;
  now: string;
}

/** "Yes", "No" or "Not known" in the reader's language. */
export function yesNoIn(i18n: Speaks, value: boolean | null): string {
  return i18n.t(value === null ? 'staff.case.common.notKnown' : value ? 'staff.case.common.yes' : 'staff.case.common.no');
}

/** A code's label, or "Not given", in the reader's language (now in ui/labels; kept here for the case's imports). */
export { labelIn };

/** Each correctable fact: its label's catalogue key, and how its value is said. */
const FACT_WORDS: Array<{ key: string; show: (facts: CaseFactsView, say: Translator) => string }> = [
  { key: 'staff.case.facts.age', show: (f, say) => labelIn(say, AGE_BAND_LABELS, f.ageBand) },
  { key: 'staff.case.facts.contentMadeUnder18', show: (f, say) => yesNoIn(say, f.contentMadeUnder18) },
  { key: 'staff.case.facts.selfHarm', show: (f, say) => labelIn(say, SELF_HARM_LABELS, f.selfHarm) },
  { key: 'staff.case.facts.immediateDanger', show: (f, say) => yesNoIn(say, f.immediateDanger) },
  { key: 'staff.case.facts.deadline', show: (f, say) => (f.deadlineAt ? whenIn(say, f.deadlineAt, 'long') : say.t('staff.case.common.notKnown')) },
  { key: 'staff.case.facts.contentPosted', show: (f, say) => labelIn(say, CONTENT_POSTED_LABELS, f.contentPosted) },
  { key: 'staff.case.facts.stillInContact', show: (f, say) => yesNoIn(say, f.stillInContact) },
  { key: 'staff.case.facts.paid', show: (f, say) => yesNoIn(say, f.paid) },
];

/** The correctable facts that differ between two versions, in words ("Has paid: No → Yes"), in `say`'s language. */
export function factDifferences(before: CaseFactsView, now: CaseFactsView, say: Translator): FactDifference[] {
  return FACT_WORDS.map(({ key, show }) => ({ label: say.t(key), before: show(before, say), now: show(now, say) })).filter(
    (difference) => difference.before !== difference.now,
  );
}

/**
 * The form moved onto a newer version after a conflict: answers the person changed stay as they
 * typed them; the ones they left alone take the newer values, so saving again does not undo a
 * colleague's change the person never touched.
 */
export function rebaseFactsForm(value: FactsFormValue, oldBase: CaseFactsView, newBase: CaseFactsView): FactsFormValue {
  const before = factsFormValue(oldBase);
  const after = factsFormValue(newBase);
  const rebased = { ...value };
  for (const key of keysOf(value)) if (value[key] === before[key]) rebase(rebased, after, key);
  return rebased;
}

/** Takes `key` from `from` (one key at a time keeps its type). */
function rebase<K extends keyof FactsFormValue>(into: FactsFormValue, from: FactsFormValue, key: K): void {
  into[key] = from[key];
}
