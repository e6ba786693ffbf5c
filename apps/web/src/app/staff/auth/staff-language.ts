import { Language, STAFF_LANGUAGES, StaffLanguage, preferredLanguage, isOneOf } from '@sg/domain';
import { PERSON_CATALOGUES } from '@sg/i18n/person';
import { STAFF_CATALOGUES } from '@sg/i18n/staff';
import { I18n, loadIcuRuntime } from '../../system/i18n/i18n';

/**
 * The dashboard's words in `language` (its catalogue chunk is fetched once, then kept), with the
 * person's part too: the case page shows the person's plan steps, which are `person.plan.*` keys.
 */
export async function speakStaffLanguage(i18n: I18n, language: StaffLanguage): Promise<void> {
  await Promise.all([loadIcuRuntime(), i18n.use(language, 'person', PERSON_CATALOGUES[language]), i18n.use(language, 'staff', STAFF_CATALOGUES[language])]);
}

/** Narrows what the API or a token says to a dashboard language; English for anything else. */
export function asStaffLanguage(value: unknown): StaffLanguage {
  return isOneOf(STAFF_LANGUAGES, value) ? value : 'en';
}

/**
 * Before anyone has signed in (the sign-in page) the account's choice is unknown: the browser's
 * preferred dashboard language stands in for it.
 */
export function browserStaffLanguage(): StaffLanguage {
  const language: Language = preferredLanguage(globalThis.navigator?.languages ?? [], STAFF_LANGUAGES);
  return asStaffLanguage(language);
}
