import type { IntakeRequest } from '@sg/contracts';
import {
  DEMANDS,
  type AgeBand,
  type ContactChannel,
  type ContentPostedAnswer,
  type Demand,
  type Language,
  type SelfHarmAnswer,
  type Submitter,
} from '@sg/domain';

/**
 * What the person has answered so far, exactly as the form holds it. Every question can be left
 * empty (`null`, `''`, unticked); `toIntakeRequest` turns the gaps into the contract's
 * "don't know" values. This shape is also what survives a reload (sessionStorage).
 */
export type YesNoUnknown = 'yes' | 'no' | 'unknown';

/** Staff record phone and chat intakes themselves; the public form never offers `staff`. */
export type PublicSubmitter = Exclude<Submitter, 'staff'>;
/** "I would rather not say" is a real answer on screen, sent as the most likely case. */
export type SubmitterAnswer = PublicSubmitter | 'not_said';

export interface PlatformAnswer {
  platform: string;
  offenderHandle: string;
  profileUrl: string;
}

export interface IntakeAnswers {
  about: {
    submittedBy: SubmitterAnswer | null;
    ageBand: AgeBand | null;
    contentMadeUnder18: YesNoUnknown | null;
  };
  safety: {
    selfHarm: SelfHarmAnswer | null;
    immediateDanger: YesNoUnknown | null;
  };
  happening: {
    demands: Record<Demand, boolean>;
    /** From `<input type="datetime-local">`: `2026-11-23T18:00`, in the person's own time zone. */
    deadline: string;
    contentPosted: ContentPostedAnswer | null;
    stillInContact: YesNoUnknown | null;
    paid: YesNoUnknown | null;
  };
  where: {
    country: string;
    platforms: PlatformAnswer[];
    contentUrls: string[];
    narrative: string;
  };
  contact: {
    alias: string;
    channel: ContactChannel | null;
    value: string;
    safeTimes: string;
    canMentionOrganisation: YesNoUnknown | null;
    storeData: boolean;
    contactMe: boolean;
  };
}

/** The request before validation: consent may still be unticked, which the schema rejects. */
export type IntakeDraft = Omit<IntakeRequest, 'consent'> & { consent: { storeData: boolean; contactMe: boolean } };

/** Written into a platform row when someone knows the username or link but not the app. */
export const UNKNOWN_PLATFORM = 'Not sure';

export function emptyPlatform(): PlatformAnswer {
  return { platform: '', offenderHandle: '', profileUrl: '' };
}

export function emptyAnswers(country: string | null): IntakeAnswers {
  return {
    about: { submittedBy: null, ageBand: null, contentMadeUnder18: null },
    safety: { selfHarm: null, immediateDanger: null },
    happening: {
      demands: { money: false, more_images: false, meeting: false, relationship: false, other: false },
      deadline: '',
      contentPosted: null,
      stillInContact: null,
      paid: null,
    },
    where: { country: country ?? '', platforms: [emptyPlatform()], contentUrls: [''], narrative: '' },
    contact: {
      alias: '',
      channel: null,
      value: '',
      safeTimes: '',
      canMentionOrganisation: null,
      storeData: false,
      contactMe: false,
    },
  };
}

/**
 * Problems the contract cannot see: someone who chose a way to be contacted but did not say yes
 * to being contacted would silently never hear from us. They must settle it either way.
 */
export function consentProblems(answers: IntakeAnswers): Array<{ path: string; message: string }> {
  const { channel, contactMe } = answers.contact;
  return channel && channel !== 'none' && !contactMe
    ? [{ path: 'consent.contactMe', message: 'must be true to be contacted, or choose not to be contacted' }]
    : [];
}

/** The answers that mean "show crisis contacts now, before anything is sent". */
export function needsCrisisHelp(safety: IntakeAnswers['safety']): boolean {
  return (
    safety.selfHarm === 'thoughts' ||
    safety.selfHarm === 'plan_or_intent' ||
    // "Not sure" about danger still deserves the numbers; only "yes" counts for triage.
    safety.immediateDanger === 'yes' ||
    safety.immediateDanger === 'unknown'
  );
}

function yesNo(answer: YesNoUnknown | null): boolean | null {
  if (answer === 'yes') return true;
  if (answer === 'no') return false;
  return null;
}

function text(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed ? trimmed : undefined;
}

/** People paste `instagram.com/someone`; the contract wants a full address, so add the scheme. */
export function normaliseUrl(value: string): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

/**
 * `2026-11-23T18:00` (local wall-clock time from the date-time input) → `2026-11-23T18:00:00+01:00`.
 * The offset keeps the person's own time zone, so staff see the deadline the person saw.
 */
export function localDateTimeToIso(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (Number.isNaN(date.getTime())) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

function isBlankPlatform(row: PlatformAnswer): boolean {
  return !row.platform.trim() && !row.offenderHandle.trim() && !row.profileUrl.trim();
}

/** Which form rows were sent, in order: `platforms[1]` in the request may be row 2 in the form. */
export function sentRows(answers: IntakeAnswers): { platforms: number[]; contentUrls: number[] } {
  return {
    platforms: answers.where.platforms.flatMap((row, index) => (isBlankPlatform(row) ? [] : [index])),
    contentUrls: answers.where.contentUrls.flatMap((url, index) => (url.trim() ? [index] : [])),
  };
}

/** Maps the answers onto the contract, turning every skipped question into its "don't know". */
/**
 * `timeZone`: the person's own (browserTimeZone()), so a promised reply time is in theirs.
 * `language`: the one the form was filled in, so their plan, messages and nudges use it.
 */
export function toIntakeRequest(answers: IntakeAnswers, timeZone?: string, language?: Language): IntakeDraft {
  const { about, safety, happening, where, contact } = answers;
  const channel: ContactChannel = contact.channel ?? 'none';
  const alias = text(contact.alias);
  const narrative = text(where.narrative);
  const value = channel === 'none' ? undefined : text(contact.value);
  const safeTimes = channel === 'none' ? undefined : text(contact.safeTimes);

  return {
    // Someone who skips "who is filling this in" is most likely the person it is happening to.
    submittedBy: about.submittedBy === null || about.submittedBy === 'not_said' ? 'victim' : about.submittedBy,
    channel: 'web',
    ...(alias ? { alias } : {}),
    ageBand: about.ageBand ?? 'unknown',
    contentMadeUnder18: yesNo(about.contentMadeUnder18),
    country: where.country,
    selfHarm: safety.selfHarm ?? 'prefer_not_to_say',
    immediateDanger: safety.immediateDanger === 'yes',
    deadlineAt: localDateTimeToIso(happening.deadline),
    demands: DEMANDS.filter((demand) => happening.demands[demand]),
    contentPosted: happening.contentPosted ?? 'unknown',
    stillInContact: yesNo(happening.stillInContact),
    paid: yesNo(happening.paid),
    platforms: where.platforms
      .filter((row) => !isBlankPlatform(row))
      .map((row) => {
        const offenderHandle = text(row.offenderHandle);
        const profileUrl = normaliseUrl(row.profileUrl);
        return {
          platform: text(row.platform) ?? UNKNOWN_PLATFORM,
          ...(offenderHandle ? { offenderHandle } : {}),
          ...(profileUrl ? { profileUrl } : {}),
        };
      }),
    contentUrls: where.contentUrls.map(normaliseUrl).filter((url): url is string => url !== undefined),
    ...(narrative ? { narrative } : {}),
    ...(timeZone ? { timeZone } : {}),
    ...(language ? { language } : {}),
    contact: {
      channel,
      ...(value ? { value } : {}),
      ...(safeTimes ? { safeTimes } : {}),
      // Unless they say yes, we never name the organisation (someone else may read their phone).
      canMentionOrganisation: contact.canMentionOrganisation === 'yes',
      // "Do not contact me" chosen, as opposed to the question skipped: their pages say which.
      ...(contact.channel === 'none' ? { declined: true } : {}),
    },
    consent: { storeData: contact.storeData, contactMe: channel !== 'none' && contact.contactMe },
  };
}

/** The browser's IANA time zone, or undefined where it does not say (nothing more about the device is sent). */
export function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}
