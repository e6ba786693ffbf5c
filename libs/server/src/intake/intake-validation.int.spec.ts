import { MAX_ALIAS_LENGTH, MAX_CONTENT_URLS, MAX_NARRATIVE_LENGTH, MAX_PLATFORMS } from '@sg/contracts';
import { present } from '@sg/domain';
import * as z from 'zod';
import {
  createTestDatabase,
  errorPathsOf,
  firstRowOf,
  intakeFixture,
  startTestApi,
  TestApi,
  TestDatabase,
  testConfig,
  TestResponse,
  validationErrorsOf,
} from '../testing';

type Path = ReadonlyArray<string | number>;

/** One intake field: values that must pass, values that must fail, and its limits. */
interface FieldCase {
  path: Path;
  good: unknown[];
  bad: unknown[];
  /**
   * Required fields are answered `is required` (or `requiredMessage`) when left out; optional ones
   * are accepted; 'n/a' for a list's items, which cannot be left out, only not given.
   */
  required: boolean | 'n/a';
  requiredMessage?: string;
  /** A value just past the field's limit. */
  tooLong?: unknown;
}

const text = (length: number) => 'x'.repeat(length);
const url = (n: number) => `https://example.org/post/${n}`;

/** Every field of `POST /api/intakes` (issue 3's contract), nested ones included. */
const FIELDS: FieldCase[] = [
  { path: ['submittedBy'], required: true, good: ['victim', 'parent_or_guardian', 'trusted_adult', 'staff'], bad: ['me', 1, null] },
  { path: ['channel'], required: true, good: ['web', 'phone', 'chat', 'email'], bad: ['fax', true] },
  { path: ['alias'], required: false, good: ['Sam', ''], bad: [42], tooLong: text(MAX_ALIAS_LENGTH + 1) },
  { path: ['ageBand'], required: true, good: ['under_13', '13_17', '18_plus', 'unknown'], bad: ['15', 15] },
  { path: ['contentMadeUnder18'], required: true, good: [true, false, null], bad: ['yes'] },
  { path: ['country'], required: true, good: ['US', 'MY', 'GB', 'FR'], bad: ['us', 'USA', 'ZZ', 1] },
  { path: ['selfHarm'], required: true, good: ['none', 'thoughts', 'plan_or_intent', 'prefer_not_to_say'], bad: ['maybe'] },
  { path: ['immediateDanger'], required: true, good: [true, false], bad: [null, 'no'] },
  { path: ['deadlineAt'], required: true, good: [null, '2030-11-23T18:00:00Z', '2030-11-23T18:00:00+08:00'], bad: ['tomorrow', '2030-11-23', 1700000000] },
  {
    path: ['demands'],
    required: true,
    good: [[], ['money', 'more_images', 'meeting', 'relationship', 'other']],
    bad: ['money', ['cash'], ['money', 'money']],
    tooLong: ['money', 'more_images', 'meeting', 'relationship', 'other', 'money'],
  },
  { path: ['contentPosted'], required: true, good: ['yes', 'no', 'unknown'], bad: [true] },
  { path: ['stillInContact'], required: true, good: [true, false, null], bad: ['sometimes'] },
  { path: ['paid'], required: true, good: [true, false, null], bad: [0] },
  {
    path: ['platforms'],
    required: true,
    good: [[], [{ platform: 'Snapchat' }]],
    bad: ['Snapchat', [{}]],
    tooLong: Array.from({ length: MAX_PLATFORMS + 1 }, () => ({ platform: 'Snapchat' })),
  },
  { path: ['platforms', 0, 'platform'], required: true, good: ['Discord'], bad: ['', '   ', 7], tooLong: text(81) },
  { path: ['platforms', 0, 'offenderHandle'], required: false, good: ['@someone'], bad: [{}], tooLong: text(201) },
  {
    path: ['platforms', 0, 'profileUrl'],
    required: false,
    good: ['https://instagram.com/someone'],
    bad: ['instagram.com/someone', 'javascript:alert(1)', 'https://localhost'],
    tooLong: `https://example.org/${text(2048)}`,
  },
  {
    path: ['contentUrls'],
    required: true,
    good: [[], [url(1), url(2)]],
    bad: [url(1)],
    tooLong: Array.from({ length: MAX_CONTENT_URLS + 1 }, (_, i) => url(i)),
  },
  { path: ['contentUrls', 0], required: 'n/a', good: ['http://example.org/x'], bad: ['ftp://example.org/x', 'not a url'] },
  { path: ['narrative'], required: false, good: ['What happened, in my words.'], bad: [['list']], tooLong: text(MAX_NARRATIVE_LENGTH + 1) },
  {
    path: ['contact'],
    required: true,
    good: [
      { channel: 'none', canMentionOrganisation: false },
      { channel: 'phone', value: '+1 (555) 010-0100', canMentionOrganisation: true },
      { channel: 'sms', value: '019-266 5850', safeTimes: 'weekends', canMentionOrganisation: false },
    ],
    bad: ['email me', { channel: 'sms', value: 'someone@example.com', canMentionOrganisation: false }],
  },
  { path: ['contact', 'channel'], required: true, good: ['email', 'none'], bad: ['pigeon'] },
  // Required with a channel to reach the person on (the fixture's is email).
  {
    path: ['contact', 'value'],
    required: true,
    requiredMessage: 'is required when the contact channel is email',
    good: ['someone@example.com'],
    bad: ['not-an-email', 12],
    tooLong: `${text(200)}@example.com`,
  },
  { path: ['contact', 'safeTimes'], required: false, good: ['after 4pm'], bad: [false], tooLong: text(201) },
  { path: ['contact', 'canMentionOrganisation'], required: true, good: [true, false], bad: ['yes', null] },
  { path: ['consent'], required: true, good: [{ storeData: true, contactMe: false }], bad: [true] },
  { path: ['consent', 'storeData'], required: true, good: [true], bad: [false, 'true'] },
  { path: ['consent', 'contactMe'], required: true, good: [true, false], bad: [null] },
];

/** Paths where an unknown key may appear: the body and every object in it. */
const OBJECT_PATHS: Path[] = [[], ['contact'], ['consent'], ['platforms', 0]];

const formatPath = (path: Path) => path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');

/** The object (or list) a path leads through, or an error naming where the fixture has none. */
function objectAt(value: unknown, where: string): Record<string | number, unknown> {
  if (!isObject(value)) throw new Error(`Expected an object or a list at ${where || 'the body'}`);
  return value;
}

function isObject(value: unknown): value is Record<string | number, unknown> {
  return typeof value === 'object' && value !== null;
}

function withValue(path: Path, value: unknown, remove = false): Record<string, unknown> {
  const body = objectAt(structuredClone(intakeFixture()), '');
  let target = body;
  for (const [index, part] of path.slice(0, -1).entries()) target = objectAt(target[part], formatPath(path.slice(0, index + 1)));
  const last = present(path[path.length - 1], 'a field path');
  if (remove) delete target[last];
  else target[last] = value;
  return body;
}

/** Validation of each field of the public intake: good, bad, missing, too long, unknown. */
describe('POST /api/intakes validates every field and names it', () => {
  let db: TestDatabase;
  let api: TestApi;
  let staffToken: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    // Staff may record every channel and submitter; the public rules are tested in intake.int.spec.ts.
    api = await startTestApi(db, testConfig(db.url));
    staffToken = await api.tokenFor('caseworker');
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const submit = (body: unknown) => api.request('POST', '/api/intakes', { body, token: staffToken });
  /** The `errors` of any answer: a 400's, or undefined for a 201 (whose body has none). */
  const errorsIn = (response: TestResponse) => z.looseObject({ errors: z.unknown().optional() }).parse(response.body).errors;

  describe.each(FIELDS.map((field) => [formatPath(field.path), field] as const))('%s', (name, field) => {
    it.each(field.good.map((value) => [JSON.stringify(value), value]))('accepts %s', async (_label, value) => {
      const response = await submit(withValue(field.path, value));
      expect({ status: response.status, errors: errorsIn(response) }).toEqual({ status: 201, errors: undefined });
    });

    it.each(field.bad.map((value) => [JSON.stringify(value), value]))('refuses %s, naming the field', async (_label, value) => {
      const response = await submit(withValue(field.path, value));
      expect(response.status).toBe(400);
      expect(errorPathsOf(response).some((path) => path === name || path.startsWith(`${name}.`) || path.startsWith(`${name}[`))).toBe(true);
    });

    if (field.required !== 'n/a') {
      it(field.required ? 'is required' : 'may be left out', async () => {
        const response = await submit(withValue(field.path, undefined, true));
        if (field.required) {
          expect(response.status).toBe(400);
          expect(validationErrorsOf(response).errors).toContainEqual(
            expect.objectContaining({ path: name, message: field.requiredMessage ?? 'is required', code: expect.any(String) as unknown }) as unknown,
          );
        } else {
          expect(response.status).toBe(201);
        }
      });
    }

    if (field.tooLong !== undefined) {
      it('refuses a value past its limit', async () => {
        const response = await submit(withValue(field.path, field.tooLong));
        expect(response.status).toBe(400);
        expect(errorPathsOf(response)).toContain(name);
      });
    }
  });

  it.each(OBJECT_PATHS.map((path) => [formatPath([...path, 'extra']), path]))('refuses the unknown field %s', async (name, path) => {
    const response = await submit(withValue([...path, 'extra'], 'anything'));
    expect(response.status).toBe(400);
    expect(validationErrorsOf(response).errors).toEqual([{ path: name, message: 'is not a field we accept', code: 'unknown_field' }]);
  });

  it('lists every problem at once, the checks across fields too, even beside type errors', async () => {
    const body = {
      ...intakeFixture(),
      ageBand: 'sixteen',
      demands: ['money', 'money', 'cash'],
      contact: { channel: 'email', value: 'not-an-email', canMentionOrganisation: 'yes' },
    };
    const response = await submit(body);
    expect(response.status).toBe(400);
    expect(errorPathsOf(response).sort()).toEqual(['ageBand', 'contact.canMentionOrganisation', 'contact.value', 'demands', 'demands[2]']);
    expect(validationErrorsOf(response).errors).toContainEqual({ path: 'demands', message: 'must not repeat an answer', code: 'custom' });
    expect(validationErrorsOf(response).errors).toContainEqual({
      path: 'contact.value',
      message: 'must be an email address like name@example.com',
      code: 'custom',
      params: { reason: 'email' },
    });
    const { n } = await firstRowOf<{ n: number }>(
      db.dataSource,
      `SELECT count(*)::int AS n FROM support_case WHERE narrative IS NULL AND age_band = 'sixteen'`,
    );
    expect(n).toBe(0);
  });
});
