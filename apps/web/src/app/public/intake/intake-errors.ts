import { FIELD_ERROR_CODES } from '@sg/contracts';
import { Translatable, translatable, isOneOf } from '@sg/domain';
import { IntakeAnswers, sentRows } from './intake-answers';

/** Field errors keyed by the form path, e.g. `where.platforms[1].profileUrl`: catalogue keys with parameters. */
export type FieldErrors = Readonly<Record<string, Translatable>>;

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
    const [, name, index = '', rest = ''] = list;
    if (name !== 'platforms' && name !== 'contentUrls') return null;
    const row = rows[name][Number(index)];
    return row === undefined ? `where.${name}` : `where.${name}[${row}]${rest}`;
  }
  if (path in TOP_LEVEL) return TOP_LEVEL[path] ?? null;
  if (path.startsWith('demands[')) return 'happening.demands';
  if (path.startsWith('contact.')) return path;
  return null;
}

export function stepOfFormPath(formPath: string): number {
  const step = formPath.split(/[.[]/)[0];
  const index = isOneOf(INTAKE_STEPS, step) ? INTAKE_STEPS.indexOf(step) : -1;
  return index < 0 ? INTAKE_STEPS.length - 1 : index;
}

/**
 * One problem with an answer, as the request check or the API reports it: the English `message`
 * (what the API says to its clients, never shown to the person when a code says more), the
 * machine `code`, and its details: for checks made here the zod issue's `maximum` and `origin`,
 * from a server 400 its `params` (`{ maximum }`, a contract check's `{ reason }`).
 */
export interface AnswerIssue {
  path: string;
  message: string;
  code?: string;
  /** For `too_big`: what was too big (`string`, `array`) and the limit. */
  origin?: string;
  maximum?: number;
  /** For the contract's own checks: its reason code (`params.reason`, e.g. `email`). */
  reason?: string;
  /** A server 400's details for the code (FieldError.params). */
  params?: Readonly<Record<string, string | number | boolean>>;
}

type IssueDetails = Omit<AnswerIssue, 'path' | 'message'>;

/** The form's lists: a limit on them counts entries, not characters. */
const LIST_FIELDS = /^(where\.(platforms|contentUrls)|happening\.demands)$/;

/** The details whether they came from the check made here or from the server's params. */
function details(formPath: string, issue: IssueDetails | undefined): { reason?: string; maximum?: number; origin?: string } {
  const reason = issue?.reason ?? (typeof issue?.params?.['reason'] === 'string' ? issue.params['reason'] : undefined);
  const maximum = issue?.maximum ?? (typeof issue?.params?.['maximum'] === 'number' ? issue.params['maximum'] : undefined);
  const origin = issue?.origin ?? (issue?.code === 'too_big' ? (LIST_FIELDS.test(formPath) ? 'array' : 'string') : undefined);
  return { reason, maximum, origin };
}

/**
 * The schema's messages are written for developers ("must be one of ..."). The person reading
 * these may be 13 and scared: say what to do, in plain words, in their language: a catalogue key
 * with its parameters (the page translates it). The API's English words show only when it sent
 * no code to go by (an older server).
 */
export function friendlyMessage(formPath: string, message: string, issue?: IssueDetails): Translatable {
  const { reason, maximum, origin } = details(formPath, issue);
  // Characters no one can type by accident (a NUL, half an emoji): whatever the field, say so.
  if (issue?.code === FIELD_ERROR_CODES.invalidText) return translatable('person.errors.invalidText');
  if (/(profileUrl|contentUrls\[\d+\])$/.test(formPath)) return translatable('person.errors.link');
  if (/platform$/.test(formPath)) return translatable('person.errors.platform');
  if (/country$/.test(formPath)) return translatable('person.errors.country');
  if (/deadline(At)?$/.test(formPath)) return translatable('person.errors.deadline');
  if (formPath === 'contact.value') {
    // The contract's reason when checked here; a server 400 only has the message to go by.
    if (reason === 'required' || issue?.code === FIELD_ERROR_CODES.required) return translatable('person.errors.contactValueRequired');
    if (reason === 'email') return translatable('person.errors.email');
    if (reason === 'phone') return translatable('person.errors.phone');
    if (message.includes('required')) return translatable('person.errors.contactValueRequired');
    if (message.includes('email')) return translatable('person.errors.email');
    return translatable('person.errors.phone');
  }
  if (formPath === 'contact.storeData') return translatable('person.errors.storeData');
  if (formPath === 'contact.contactMe') return translatable('person.errors.contactMe');
  const tooBig = tooBigLimit(message, { code: issue?.code, maximum, origin });
  if (tooBig?.what === 'characters') return translatable('person.errors.tooLong', { max: tooBig.max });
  if (tooBig?.what === 'entries') return translatable('person.errors.tooMany', { max: tooBig.max });
  if (issue?.code === FIELD_ERROR_CODES.required) return translatable('person.errors.required');
  // A code with nothing more specific to say: plain words in the person's language, not the API's English.
  if (issue?.code) return translatable('person.errors.checkThis');
  return translatable('person.errors.check', { detail: message });
}

/** The limit a too-long text or list broke: from the zod issue when checked here, else from the API's message. */
function tooBigLimit(message: string, issue: Pick<AnswerIssue, 'code' | 'maximum' | 'origin'>): { what: 'characters' | 'entries'; max: number } | null {
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') {
    return { what: issue.origin === 'array' ? 'entries' : 'characters', max: issue.maximum };
  }
  const fromMessage = /at most (\d+) (characters|entries)/.exec(message);
  if (!fromMessage) return null;
  return { what: fromMessage[2] === 'entries' ? 'entries' : 'characters', max: Number(fromMessage[1]) };
}

export interface MappedErrors {
  /** By form path, ready to show beside the field. */
  fields: FieldErrors;
  /** Errors no field owns: shown in the summary only. */
  general: Translatable[];
  /** The first screen with a problem, to go back to. */
  firstStep: number | null;
}

export function mapRequestErrors(errors: readonly AnswerIssue[], answers: IntakeAnswers): MappedErrors {
  const fields: Record<string, Translatable> = {};
  const general: Translatable[] = [];
  let firstStep: number | null = null;
  for (const error of errors) {
    const formPath = requestPathToFormPath(error.path, answers);
    if (formPath === null) {
      // No field of the form owns it (the form fills it in itself): with a code, plain words only.
      general.push(
        error.code
          ? translatable('person.errors.notAcceptedPlain')
          : translatable('person.errors.notAccepted', { path: error.path || 'form', detail: error.message }),
      );
      continue;
    }
    fields[formPath] ??= friendlyMessage(formPath, error.message, error);
    const step = stepOfFormPath(formPath);
    firstStep = firstStep === null ? step : Math.min(firstStep, step);
  }
  return { fields, general, firstStep };
}

/** A short name for a field, for the list of problems at the top of the screen. */
export function fieldLabel(formPath: string): Translatable {
  const row = /^where\.(platforms|contentUrls)\[(\d+)\](?:\.(\w+))?$/.exec(formPath);
  if (row) {
    const n = Number(row[2]) + 1;
    if (row[1] === 'contentUrls') return translatable('person.fields.link', { n });
    if (row[3] === 'offenderHandle') return translatable('person.fields.offenderHandle', { n });
    if (row[3] === 'profileUrl') return translatable('person.fields.profileUrl', { n });
    return translatable('person.fields.platform', { n });
  }
  const labels: Record<string, string> = {
    'where.country': 'person.fields.country',
    'where.narrative': 'person.fields.narrative',
    'happening.deadline': 'person.fields.deadline',
    'contact.alias': 'person.fields.alias',
    'contact.value': 'person.fields.contactValue',
    'contact.safeTimes': 'person.fields.safeTimes',
    'contact.storeData': 'person.fields.storeData',
    'contact.contactMe': 'person.fields.contactMe',
  };
  return translatable(labels[formPath] ?? 'person.fields.anAnswer');
}
