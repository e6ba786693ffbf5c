import * as fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import {
  caseLinksSchema,
  clusterListResponseSchema,
  conversationSessionSchema,
  intakeResponseSchema,
  reportViewSchema,
  resourceDirectorySchema,
  savedReplySchema,
  staffMemberSchema,
  takedownViewSchema,
} from '@sg/contracts/schemas';
import * as z from 'zod';
import {
  bodyOf,
  createTestDatabase,
  firstRowOf,
  intakeFixture,
  isJsonObject,
  jsonObjectSchema,
  JsonObject,
  startTestApi,
  TestApi,
  TestDatabase,
  testConfig,
} from '../testing';
import { itemAt, present } from '@sg/domain';

/**
 * Issue 12: "bad input never reaches the database as a 500". Requests generated from the app's
 * own OpenAPI document (every operation, its path and query parameters and its body schema) are
 * sent to the real app on a real database, as each kind of caller: anonymous, the person with
 * their access session, caseworker, supervisor, admin. About half are valid by the schema; the
 * rest are mutated (NUL, lone surrogates, huge strings, wrong types, deep nesting, extreme dates
 * and numbers, missing and unknown fields). Any 5xx fails, with the seed to replay it. At least
 * a fifth must be accepted (2xx), so the test cannot pass by sending only garbage.
 *
 * FUZZ_SEED and FUZZ_RUNS replay or widen a run (defaults: a fixed seed, 800 requests).
 */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_261_206);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 600);
const MIN_ACCEPTED_SHARE = 0.2;

interface Schema {
  type?: string;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  $ref?: string;
}
/** An OpenAPI Schema Object, as far as the generator reads it (the rest of it kept as it is). */
const openApiSchemaSchema: z.ZodType<Schema> = z.lazy(() =>
  z.looseObject({
    type: z.string().optional(),
    enum: z.array(z.unknown()).optional(),
    format: z.string().optional(),
    pattern: z.string().optional(),
    nullable: z.boolean().optional(),
    minLength: z.number().optional(),
    maxLength: z.number().optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    minItems: z.number().optional(),
    maxItems: z.number().optional(),
    items: openApiSchemaSchema.optional(),
    properties: z.record(z.string(), openApiSchemaSchema).optional(),
    required: z.array(z.string()).optional(),
    anyOf: z.array(openApiSchemaSchema).optional(),
    oneOf: z.array(openApiSchemaSchema).optional(),
    allOf: z.array(openApiSchemaSchema).optional(),
    $ref: z.string().optional(),
  }),
);
const parameterSchema = z.looseObject({
  in: z.enum(['path', 'query', 'header', 'cookie']),
  name: z.string(),
  required: z.boolean().optional(),
  schema: openApiSchemaSchema.optional(),
});
type Parameter = z.output<typeof parameterSchema>;
/** What the generator reads of an operation: its parameters and its JSON body's schema. */
const operationSchema = z.looseObject({
  parameters: z.array(parameterSchema).optional(),
  requestBody: z.looseObject({ content: z.record(z.string(), z.looseObject({ schema: openApiSchemaSchema.optional() })).optional() }).optional(),
});
/** The document's paths, each path item's keys kept in the order served (a seed replays the same operations). */
const pathsSchema = z.looseObject({ paths: z.record(z.string(), jsonObjectSchema) });

const isList = (value: unknown): value is unknown[] => Array.isArray(value);
/** The child of a JSON value at a key or index; undefined where there is none. */
const childAt = (node: unknown, key: string | number): unknown => (isList(node) ? node[Number(key)] : isJsonObject(node) ? node[key] : undefined);
/** A JSON value's entries (a list's by index); none for null or undefined. */
const entriesOf = (value: unknown): Array<[string, unknown]> => (value === null || value === undefined ? [] : Object.entries(value));
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: Schema;
}

const ROLES = ['anonymous', 'person', 'caseworker', 'supervisor', 'admin'] as const;
type Role = (typeof ROLES)[number];
const MUTATIONS = ['nul', 'surrogate', 'huge', 'wrongType', 'deep', 'extremeDate', 'extremeNumber', 'drop', 'extra'] as const;
type Mutation = 'none' | (typeof MUTATIONS)[number];

/** The ids a path parameter can name, filled in once the fixtures exist. */
interface Pools {
  cases: string[];
  takedowns: string[];
  reports: string[];
  staff: string[];
  resources: string[];
  savedReplies: string[];
  notifications: string[];
  /** Cases the merge routes work on, so merging (which closes a case) leaves the other routes' cases open. */
  duplicates: string[];
  links: string[];
  clusters: string[];
  person: { reference: string; accessCode: string };
}

const EXTREME_DATES = [
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '-271821-04-20T00:00:00.000Z',
  '+275760-09-13T00:00:00.000Z',
  '1970-01-01T00:00:00Z',
  '2026-02-30T00:00:00Z',
];
const EXTREME_NUMBERS = [1e308, -1e308, 2 ** 53, 2 ** 31, -(2 ** 31) - 1, 1.5, -1, 0];
const WRONG_TYPES: unknown[] = [123, true, null, [], {}, 'text', [1, 'a'], { a: 1 }];

/** Every operation in the document, its schemas resolved. */
function operationsOf(document: unknown): Operation[] {
  const resolve = (schema: Schema | undefined): Schema | undefined => {
    if (!schema?.$ref) return schema;
    const found = schema.$ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, part) => (isJsonObject(node) ? node[part] : undefined), document);
    return resolve(openApiSchemaSchema.optional().parse(found));
  };
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(pathsSchema.parse(document).paths)) {
    for (const [method, raw] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const op = operationSchema.parse(raw);
      const content = op.requestBody?.content?.['application/json'];
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: (op.parameters ?? []).map((parameter) => ({ ...parameter, schema: resolve(parameter.schema) })),
        body: resolve(content?.schema),
      });
    }
  }
  return operations;
}

const word = fc.stringMatching(/^[a-z][a-z0-9]{2,11}$/);
/** Text a person might type: mostly plain, sometimes accents, emoji and other scripts. */
const prose = (min: number, max: number) =>
  fc
    .oneof(
      { weight: 4, arbitrary: fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' ')) },
      { weight: 1, arbitrary: fc.constantFrom('Café déjà vu', 'Ангел', '他说要发出去', 'called back 🙏', 'تم الإبلاغ') },
    )
    .map((text) => (text.length < min ? text.padEnd(min, 'x') : text).slice(0, Math.max(min, max)));

const recentDate = fc.integer({ min: -30 * 86_400, max: -60 }).map((seconds) => new Date(Date.now() + seconds * 1000).toISOString());
const futureDate = fc.integer({ min: 3600, max: 30 * 86_400 }).map((seconds) => new Date(Date.now() + seconds * 1000).toISOString());

/** A value valid by the schema, helped by the field's name where the schema cannot say (a URL, a country). */
function validValue(schema: Schema | undefined, name: string, pools: Pools): fc.Arbitrary<unknown> {
  if (!schema) return fc.constant(undefined);
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return fc.oneof(...options.map((option) => validValue(option, name, pools)));
  if (schema.allOf?.length) return validValue(schema.allOf[0], name, pools);
  const value = valueOfType(schema, name, pools);
  return schema.nullable ? fc.oneof({ weight: 5, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) }) : value;
}

function valueOfType(schema: Schema, name: string, pools: Pools): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? 0;
      return name === 'version' ? fc.integer({ min: 1, max: 3 }) : fc.integer({ min, max: Math.min(schema.maximum ?? min + 100, min + 100) });
    }
    case 'array': {
      const items = validValue(schema.items, name, pools);
      const constraints = { minLength: schema.minItems ?? 0, maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)) };
      return schema.items?.enum ? fc.uniqueArray(items, constraints) : fc.array(items, constraints);
    }
    case 'object': {
      const properties = schema.properties ?? {};
      const shape = Object.fromEntries(Object.entries(properties).map(([key, child]) => [key, validValue(child, key, pools)]));
      return fc.record(shape, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
    }
    case 'string':
    case undefined:
      return stringFor(schema, name, pools);
    default:
      return fc.constant(null);
  }
}

function stringFor(schema: Schema, name: string, pools: Pools): fc.Arbitrary<string> {
  if (schema.format === 'date-time') return /deadline/i.test(name) ? futureDate : recentDate;
  if (schema.format === 'uuid' || /Id$/.test(name))
    return name === 'assigneeId' || name === 'expectedAssigneeId' ? fc.constantFrom(...pools.staff) : fc.uuid({ version: 4 });
  switch (name) {
    case 'url':
    case 'profileUrl':
    case 'contentUrls':
      return word.map((path) => `https://example.com/${path}`);
    case 'country':
      return fc.constantFrom('US', 'GB', 'MY');
    case 'jurisdiction':
      return fc.constantFrom('ANY', 'US', 'MY');
    case 'timeZone':
    case 'tz':
      return fc.constantFrom('Europe/London', 'Asia/Kuala_Lumpur', 'UTC');
    case 'email':
      return word.map((local) => `${local}@example.org`);
    case 'reference':
      return fc.constant(pools.person.reference);
    case 'accessCode':
      return fc.constant(pools.person.accessCode);
    case 'opens':
      return fc.constantFrom('08:00', '09:30');
    case 'closes':
      return fc.constantFrom('17:00', '20:00');
    case 'date':
      return fc.constantFrom('2027-01-01', '2027-12-25');
    case 'value':
      return fc.constantFrom('+44 20 7946 0000', 'person@example.org');
    case 'cursor':
      // Shaped like the list's own cursors, with due times now, far past and far future.
      return fc
        .tuple(
          fc.integer({ min: 0, max: 3 }),
          fc.constantFrom(`${Date.now()}000`, '-271821-04-20T00:00:00.000Z', '-999999999999999999', '999999999999999999'),
          fc.uuid({ version: 4 }),
        )
        .map((cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url'));
    case 'key':
      if (!schema.pattern) break;
      return word.map((text) => `fuzz-${text}`);
  }
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((text) => text.length <= (schema.maxLength ?? 2048));
  return prose(schema.minLength ?? 1, Math.min(schema.maxLength ?? 60, 60));
}

/** Paths to every leaf (and every object/array, for drop/extra) of a JSON value. */
function leavesOf(value: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return [at, ...value.flatMap((item, index) => leavesOf(item, [...at, index]))];
  if (value !== null && typeof value === 'object') return [at, ...Object.entries(value).flatMap(([key, child]) => leavesOf(child, [...at, key]))];
  return [at];
}

function setAt(root: unknown, path: Array<string | number>, change: (old: unknown) => unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return change(root);
  if (isList(root)) {
    const copy = [...root];
    copy[Number(head)] = setAt(root[Number(head)], rest, change);
    return copy;
  }
  const copy: JsonObject = { ...(isJsonObject(root) ? root : {}) };
  copy[head] = setAt(childAt(root, head), rest, change);
  return copy;
}

/**
 * A list nested `depth` deep, as a placeholder expanded only when the request is written out
 * (JSON.stringify of a 5,000-deep value overflows the test's own stack).
 */
const nested = (depth: number): string => `__DEEP_${depth}__`;
const expandDeep = (text: string): string =>
  text.replace(/"?__DEEP_(\d+)__"?/g, (_, depth: string) => `${'['.repeat(Number(depth))}${']'.repeat(Number(depth))}`);

/** One mutation of a value; `pick` chooses where and which extreme, so a seed replays it. */
function mutate(value: unknown, mutation: Mutation, pick: number, inUrl = false): unknown {
  if (mutation === 'none') return value;
  const places = leavesOf(value);
  const place = itemAt(places, pick % places.length, 'leaf');
  const strings = places.filter((path) => typeof path.reduce<unknown>(childAt, value) === 'string');
  const stringPlace = strings.length ? itemAt(strings, pick % strings.length, 'string leaf') : place;
  switch (mutation) {
    case 'nul':
      return setAt(value, stringPlace, (old) => `${typeof old === 'string' ? old : 'x'}\u0000`);
    case 'surrogate':
      return setAt(value, stringPlace, (old) => `${typeof old === 'string' ? old : 'x'}${pick % 2 ? '\ud800' : '\udc00'}`);
    case 'huge':
      // In a URL, as long as Node reads (16 kB of headers); in a body, up to the 1 MB limit.
      return setAt(value, stringPlace, () => 'x'.repeat(inUrl ? 6000 : pick % 2 ? 100_000 : 900_000));
    case 'wrongType':
      return setAt(value, place, () => WRONG_TYPES[pick % WRONG_TYPES.length]);
    case 'deep':
      return setAt(value, place, () => nested(itemAt(inUrl ? [20, 200, 2000] : [20, 200, 5000], pick % 3, 'depth')));
    case 'extremeDate':
      return setAt(value, stringPlace, () => EXTREME_DATES[pick % EXTREME_DATES.length]);
    case 'extremeNumber':
      return setAt(value, place, () => EXTREME_NUMBERS[pick % EXTREME_NUMBERS.length]);
    case 'drop': {
      const key = place[place.length - 1];
      if (key === undefined) return undefined;
      const parent = place.slice(0, -1);
      return setAt(value, parent, (old) =>
        Array.isArray(old) ? old.filter((_, index) => index !== key) : Object.fromEntries(entriesOf(old).filter(([name]) => name !== key)),
      );
    }
    case 'extra':
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...value, ['surplus' + (pick % 3)]: 'x' } : value;
  }
}

interface FuzzRequest {
  operation: Operation;
  /** The client's address (X-Forwarded-For, believed from loopback): one of a few, so the fixed per-address limits leave most requests through. */
  client: string;
  role: Role;
  mutation: Mutation;
  target: 'body' | 'path' | 'query';
  path: string;
  /** The query's parameters by name (a mutated one may be any JSON value: its entries are sent). */
  query: unknown;
  body: unknown;
}

function idPool(operation: Operation, name: string, pools: Pools): string[] {
  if (name === 'linkId') return pools.links;
  if (name === 'key' && operation.path.startsWith('/api/clusters/')) return pools.clusters;
  if (name !== 'id') return [];
  if (/\/(un)?merge$/.test(operation.path)) return pools.duplicates;
  if (operation.path.startsWith('/api/cases/')) return pools.cases;
  if (operation.path.startsWith('/api/takedowns/')) return pools.takedowns;
  if (operation.path.startsWith('/api/reports/')) return pools.reports;
  if (operation.path.startsWith('/api/staff/')) return pools.staff;
  if (operation.path.startsWith('/api/resources/')) return pools.resources;
  if (operation.path.startsWith('/api/saved-replies/')) return pools.savedReplies;
  if (operation.path.startsWith('/api/notifications/')) return pools.notifications;
  return [];
}

function requestArbitrary(operations: Operation[], pools: Pools): fc.Arbitrary<FuzzRequest> {
  return fc.constantFrom(...operations).chain((operation) => {
    const pathParams = operation.parameters.filter((parameter) => parameter.in === 'path');
    const queryParams = operation.parameters.filter((parameter) => parameter.in === 'query');
    const pathArb = fc.record(
      Object.fromEntries(
        pathParams.map((parameter) => {
          const known = idPool(operation, parameter.name, pools);
          return [parameter.name, known.length ? fc.constantFrom(...known) : validValue(parameter.schema ?? { type: 'string' }, parameter.name, pools)];
        }),
      ),
    );
    const queryArb = fc.record(
      Object.fromEntries(queryParams.map((parameter) => [parameter.name, validValue(parameter.schema ?? { type: 'string' }, parameter.name, pools)])),
      {
        requiredKeys: queryParams.filter((parameter) => parameter.required).map((parameter) => parameter.name),
      },
    );
    const targets: Array<FuzzRequest['target']> = [
      ...(operation.body ? ['body' as const] : []),
      ...(pathParams.length ? ['path' as const] : []),
      ...(queryParams.length ? ['query' as const] : []),
    ];
    return fc
      .record({
        role: fc.constantFrom(...ROLES),
        mutation: fc.oneof({ weight: 9, arbitrary: fc.constant<Mutation>('none') }, { weight: 9, arbitrary: fc.constantFrom<Mutation>(...MUTATIONS) }),
        target: targets.length ? fc.constantFrom(...targets) : fc.constant<FuzzRequest['target']>('body'),
        pick: fc.nat(),
        pathValues: pathArb,
        query: queryArb,
        body: operation.body ? validValue(operation.body, '(body)', pools) : fc.constant(undefined),
      })
      .map(({ role, mutation, target, pick, pathValues, query, body }) => {
        const client = `198.51.100.${pick % 32}`;
        const mutated = target === 'path' ? mutate(pathValues, mutation, pick, true) : pathValues;
        const values = isJsonObject(mutated) ? mutated : undefined;
        const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
          const value = values?.[name] ?? randomUUID();
          return expandDeep(encodePart(typeof value === 'string' ? value : JSON.stringify(value)));
        });
        return {
          operation,
          client,
          role,
          mutation,
          target,
          path,
          query: target === 'query' ? (mutate(query, mutation, pick, true) ?? {}) : query,
          // GET and DELETE carry no body; a POST without one may still be sent garbage.
          body: target === 'body' && ['POST', 'PUT', 'PATCH'].includes(operation.method) ? mutate(body, mutation, pick) : body,
        };
      });
  });
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Percent-encoded as a client would send it; a lone surrogate as the bytes a careless encoder writes (ED A0 80). */
function encodePart(value: string): string {
  return encodeURIComponent(value.replace(LONE_SURROGATE, '\ufffd')).replace(/%EF%BF%BD/g, '%ED%A0%80');
}

/** Why fetch gave no answer: its cause (a socket error, a timeout), else its own message. */
function reasonOf(error: Error): string {
  const reason = error.cause ?? error.message;
  return typeof reason === 'string' || reason instanceof Error ? String(reason) : JSON.stringify(reason);
}

function queryString(query: unknown): string {
  const parts: string[] = [];
  for (const [name, value] of entriesOf(query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value])
      parts.push(`${encodePart(name)}=${expandDeep(encodePart(typeof item === 'string' ? item : JSON.stringify(item)))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

describe('every route in the OpenAPI document, as every caller, with generated input', () => {
  let db: TestDatabase;
  let api: TestApi;
  const tokens: Partial<Record<Role, string>> = {};
  let personSession = '';
  let sessionsOpened = 0;
  let pools: Pools;

  const openPersonSession = async () => {
    // From an address of its own: the fuzzing may have used up the case-access limit of the others.
    sessionsOpened++;
    const opened = await api.request('POST', '/api/conversation/session', {
      body: pools.person,
      headers: { 'x-forwarded-for': `203.0.113.${sessionsOpened % 250}` },
    });
    if (opened.status !== 201 && opened.status !== 200) throw new Error(`Could not open the person's session: ${opened.status}`);
    personSession = bodyOf(opened, conversationSessionSchema).sessionToken;
  };
  const signedOutAny = async () => {
    for (const role of ['caseworker', 'supervisor', 'admin'] as const)
      if ((await api.request('GET', '/api/auth/me', { token: tokens[role] })).status === 401) return true;
    return false;
  };
  const signInAll = async () => {
    for (const role of ['caseworker', 'supervisor', 'admin'] as const) tokens[role] = await api.tokenFor(role);
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    // The per-minute limits would answer most of a fast run with 429: the point here is what lies behind them.
    api = await startTestApi(
      db,
      testConfig(db.url, { apiRateLimitPerMinute: 1_000_000, loginRateLimitPerMinute: 1_000_000, intakeRateLimit: { limit: 1_000_000, windowSeconds: 60 } }),
    );
    await signInAll();
    const admin = present(tokens.admin, "the admin's token");
    const caseworker = present(tokens.caseworker, "the caseworker's token");

    const intakeAnswer = bodyOf(await api.request('POST', '/api/intakes', { body: intakeFixture() }), intakeResponseSchema);
    const cases: string[] = [];
    for (let i = 0; i < 4; i++) {
      const created = await api.request('POST', '/api/intakes', { body: intakeFixture({ narrative: `fixture ${i}` }) });
      const row = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [
        bodyOf(created, intakeResponseSchema).reference,
      ]);
      cases.push(row.id);
    }
    await api.request('POST', `/api/cases/${cases[0]}/claim`, { token: caseworker });
    const takedown = await api.request('POST', `/api/cases/${cases[0]}/takedowns`, {
      token: caseworker,
      body: { platform: 'Instagram', url: 'https://instagram.com/p/x', channel: 'platform_form' },
    });
    const report = await api.request('POST', `/api/cases/${cases[0]}/reports`, {
      token: caseworker,
      body: { agencyKind: 'police', agencyName: 'Local police' },
    });
    // Staff the fuzzer may change (deactivate, re-password): not the accounts it signs in with.
    const staff: string[] = [];
    for (const role of ['caseworker', 'supervisor'] as const) {
      const created = await api.request('POST', '/api/staff', {
        token: admin,
        body: { email: `fuzz.${role}@example.org`, displayName: `Fuzz ${role}`, role, password: 'fuzz-password-123' },
      });
      staff.push(bodyOf(created, staffMemberSchema).id);
    }
    const reply = await api.request('POST', '/api/saved-replies', { token: admin, body: { title: 'Checking in', body: 'Hello, checking in.' } });
    const resources = bodyOf(await api.request('GET', '/api/resources?includeInactive=true', { token: admin }), resourceDirectorySchema);
    const duplicates: string[] = [];
    for (let i = 0; i < 2; i++) {
      const created = await api.request('POST', '/api/intakes', { body: intakeFixture({ narrative: `duplicate ${i}` }) });
      const row = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [
        bodyOf(created, intakeResponseSchema).reference,
      ]);
      duplicates.push(row.id);
    }
    const linkTo = await firstRowOf<{ reference: string }>(db.dataSource, `SELECT reference FROM support_case WHERE id = $1`, [cases[2]]);
    const linked = await api.request('POST', `/api/cases/${cases[1]}/links`, {
      token: admin,
      body: { reference: linkTo.reference, reason: 'The same handle' },
    });
    // Every fixture names the same handle: one cluster at least.
    const clusters = await api.request('GET', '/api/clusters', { token: admin });
    for (const response of [linked, clusters]) expect(response.status).toBe(200);
    for (const response of [takedown, report, reply]) expect(response.status).toBe(201);
    pools = {
      cases,
      takedowns: [bodyOf(takedown, takedownViewSchema).id],
      reports: [bodyOf(report, reportViewSchema).id],
      staff,
      resources: resources.slice(0, 3).map((entry) => entry.id),
      savedReplies: [bodyOf(reply, savedReplySchema).id],
      notifications: [randomUUID()],
      duplicates,
      links: [present(bodyOf(linked, caseLinksSchema).links[0], 'the new link').id],
      clusters: bodyOf(clusters, clusterListResponseSchema).items.map((cluster) => cluster.key),
      person: { reference: intakeAnswer.reference, accessCode: intakeAnswer.accessCode },
    };
    await openPersonSession();
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  async function send(request: FuzzRequest): Promise<number> {
    const headers: Record<string, string> = { 'x-forwarded-for': request.client };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const staffToken = request.role === 'caseworker' || request.role === 'supervisor' || request.role === 'admin' ? tokens[request.role] : undefined;
    if (staffToken) headers['authorization'] = `Bearer ${staffToken}`;
    if (request.role === 'person') headers['x-case-session'] = personSession;
    const response = await fetch(`${api.baseUrl}${request.path}${queryString(request.query)}`, {
      method: request.operation.method,
      headers,
      body: request.body === undefined ? undefined : expandDeep(JSON.stringify(request.body)),
      signal: AbortSignal.timeout(15_000),
    });
    // A live stream answers and stays open: its status is all this test needs.
    if (response.headers.get('content-type')?.includes('text/event-stream')) await response.body?.cancel();
    else await response.arrayBuffer();
    return response.status;
  }

  const describe = (request: FuzzRequest): string =>
    `${request.operation.method} ${request.path.slice(0, 200)}${queryString(request.query).slice(0, 200)} as ${request.role}, ${request.mutation} in ${request.target}: ${
      request.body === undefined ? '' : JSON.stringify(request.body).slice(0, 300)
    }`;

  it(
    `answers no request with a 5xx, and accepts at least ${MIN_ACCEPTED_SHARE * 100}% of them (seed ${SEED}, ${RUNS} requests)`,
    async () => {
      const operations = operationsOf((await api.request('GET', '/api/docs-json')).body);
      expect(operations.length).toBeGreaterThan(40);
      const requests = fc.sample(requestArbitrary(operations, pools), { seed: SEED, numRuns: RUNS });

      const failures: string[] = [];
      const byStatus = new Map<number, number>();
      const seen = new Set<string>();
      const slow: string[] = [];
      for (const request of requests) {
        const started = Date.now();
        const status = await send(request).catch((error: Error) => {
          failures.push(`no answer (${reasonOf(error)}) to ${describe(request)}`);
          return 0;
        });
        byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
        seen.add(`${request.operation.method} ${request.operation.path}`);
        if (status >= 500) failures.push(`${status} to ${describe(request)}`);
        // Quick exit ends the person's session, and a sign-out may end a staff one: start new ones.
        if (request.operation.path === '/api/conversation/session' && request.operation.method === 'DELETE' && request.role === 'person')
          await openPersonSession();
        // Whichever role signed out (the others' tokens are checked too: a sample that signs the supervisor out early
        // would otherwise answer every later supervisor request with 401).
        if (request.operation.path === '/api/auth/logout' && (await signedOutAny())) await signInAll();
        const took = Date.now() - started;
        if (took > 1000) slow.push(`${took} ms ${request.operation.method} ${request.operation.path} ${request.mutation}`);
      }

      if (slow.length) console.log(`slow requests:\n${slow.join('\n')}`);
      const accepted = [...byStatus].filter(([status]) => status >= 200 && status < 300).reduce((sum, [, count]) => sum + count, 0);
      const summary = `seed ${SEED} (replay with FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}); statuses ${JSON.stringify(Object.fromEntries([...byStatus].sort(([a], [b]) => a - b)))}`;
      console.log(`${accepted} of ${requests.length} accepted; ${summary}`);
      if (failures.length) throw new Error(`${failures.length} × 5xx, ${summary}:\n${failures.slice(0, 40).join('\n')}`);
      expect({
        routes: seen.size,
        everyRoute: seen.size === operations.length ? true : operations.map((op) => `${op.method} ${op.path}`).filter((name) => !seen.has(name)),
      }).toEqual({
        routes: operations.length,
        everyRoute: true,
      });
      expect({ acceptedShare: accepted / requests.length >= MIN_ACCEPTED_SHARE, accepted, summary }).toMatchObject({ acceptedShare: true });
    },
    Math.max(120_000, RUNS * 150),
  );
});
