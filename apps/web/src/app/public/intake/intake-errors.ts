import type { FieldError } from '@sg/contracts';
import { IntakeAnswers, sentRows } from './intake-answers';

/** Field errors keyed by the form path, e.g. `where.platforms[1].profileUrl`. */
export type FieldErrors = Readonly<Record<string, string>>;

/** The wizard's screens, in order; a form path's first part names its screen. */
export const INTAKE_STEPS = ['about', 'safety', 'happening', 'where', 'contact'] as const;
export type IntakeStepId = (typeof INTAKE_STEPS)[number];

const TOP_LEVEL: Record<string, string> = {
  submittedBy: 'about.submittedBy',
  ageBand: 'about.ageBand',
  contentMadeUnder18: 'about.contentMadeUnder18',
  selfHarm: 'safety.selfHarm',
  immediateDanger: 'safety.immediateDanger',
  deadlineAt: 'happening.deadline',
  demands: 'happening.demands',
  contentPosted: 'happening.contentPosted',
  stillInContact: 'happening.stillInContact',
  paid: 'happening.paid',
  country: 'where.country',
  platforms: 'where.platforms',
  contentUrls: 'where.contentUrls',
  narrative: 'where.narrative',
  alias: 'contact.alias',
  'consent.storeData': 'contact.storeData',
  'consent.contactMe': 'contact.contactMe',
};

/**
 * `platforms[0].profileUrl` (a path in the request, from zod or a server 400) → the form field
 * it came from. Blank rows are not sent, so list indexes are mapped back to form rows.
 * Returns null for paths no field owns (e.g. `channel`, which the form fills in itself).
 */
export function requestPathToFormPath(path: string, answers: IntakeAnswers): string | null {
  const rows = sentRows(answers);
  const list = /^(platforms|contentUrls)\[(\d+)\](.*)$/.exec(path);
  if (list) {
    const [, name, index, rest] = list as unknown as [string, 'platforms' | 'contentUrls', string, string];
    const row = rows[name][Number(index)];
    return row === undefined ? `where.${name}` : `where.${name}[${row}]${rest}`;
  }
  if (path in TOP_LEVEL) return TOP_LEVEL[path] ?? null;
  if (path.startsWith('demands[')) return 'happening.demands';
  if (path.startsWith('contact.')) return path;
  return null;
}

export function stepOfFormPath(formPath: string): number {
  const index = INTAKE_STEPS.indexOf(formPath.split(/[.[]/)[0] as IntakeStepId);
  return index < 0 ? INTAKE_STEPS.length - 1 : index;
}

const LINK = 'This does not look like a web link. Copy it from the address bar of the page. It starts with https://';

/**
 * The schema's messages are written for developers ("must be one of ..."). The person reading
 * these may be 13 and scared: say what to do, in plain words. Unknown messages still show.
 */
export function friendlyMessage(formPath: string, message: string): string {
  if (/(profileUrl|contentUrls\[\d+\])$/.test(formPath)) return LINK;
  if (/platform$/.test(formPath)) return 'Write the name of the app or site, or "not sure".';
  if (/country$/.test(formPath)) return 'Choose a country, so we can show you the right helplines.';
  if (/deadline(At)?$/.test(formPath)) return 'This date and time does not look right. Fix it, or leave it empty.';
  if (formPath === 'contact.value') {
    if (message.includes('required')) return 'Write your email address or phone number here, or choose "Do not contact me".';
    if (message.includes('email')) return 'This does not look like an email address. It should look like name@example.com';
    return 'This does not look like a phone number. Use only numbers, spaces, + and brackets.';
  }
  if (formPath === 'contact.storeData') return 'Please tick this box. We cannot keep your answers or help you without it.';
  if (formPath === 'contact.contactMe') return 'Tick this box so we can contact you, or choose "Do not contact me" above.';
  const tooLong = /at most (\d+) characters/.exec(message);
  if (tooLong) return `This is too long. Please use ${tooLong[1]} characters or fewer.`;
  const tooMany = /at most (\d+) entries/.exec(message);
  if (tooMany) return `This list is too long. Please add ${tooMany[1]} or fewer.`;
  return `Please check this answer: it ${message}.`;
}

export interface MappedErrors {
  /** By form path, ready to show beside the field. */
  fields: FieldErrors;
  /** Errors no field owns: shown in the summary only. */
  general: string[];
  /** The first screen with a problem, to go back to. */
  firstStep: number | null;
}

export function mapRequestErrors(errors: readonly FieldError[], answers: IntakeAnswers): MappedErrors {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  let firstStep: number | null = null;
  for (const error of errors) {
    const formPath = requestPathToFormPath(error.path, answers);
    if (formPath === null) {
      general.push(`Something in the form was not accepted (${error.path || 'form'}: ${error.message}).`);
      continue;
    }
    fields[formPath] ??= friendlyMessage(formPath, error.message);
    const step = stepOfFormPath(formPath);
    firstStep = firstStep === null ? step : Math.min(firstStep, step);
  }
  return { fields, general, firstStep };
}

/** A short name for a field, for the list of problems at the top of the screen. */
export function fieldLabel(formPath: string): string {
  const row = /^where\.(platforms|contentUrls)\[(\d+)\](?:\.(\w+))?$/.exec(formPath);
  if (row) {
    const n = Number(row[2]) + 1;
    if (row[1] === 'contentUrls') return `Link ${n}`;
    if (row[3] === 'offenderHandle') return `Their username (app or site ${n})`;
    if (row[3] === 'profileUrl') return `Profile link (app or site ${n})`;
    return `App or site ${n}`;
  }
  const labels: Record<string, string> = {
    'where.country': 'Country',
    'where.narrative': 'Anything else',
    'happening.deadline': 'Deadline',
    'contact.alias': 'Name',
    'contact.value': 'Email or phone number',
    'contact.safeTimes': 'Safe times to contact you',
    'contact.storeData': 'Your permission',
    'contact.contactMe': 'Permission to contact you',
  };
  return labels[formPath] ?? 'An answer';
}
