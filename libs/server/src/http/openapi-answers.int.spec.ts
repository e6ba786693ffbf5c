import Ajv, { ValidateFunction } from 'ajv';
import { caseListResponseSchema, conversationSessionSchema, intakeResponseSchema } from '@sg/contracts/schemas';
import {
  bodyOf,
  createTestDatabase,
  intakeFixture,
  isJsonObject,
  jsonObjectSchema,
  JsonObject,
  OPENAPI_METHODS,
  OpenApiDocument,
  openApiDocumentSchema,
  OpenApiMethod,
  OpenApiOperation,
  OpenApiResponse,
  startTestApi,
  TestApi,
  TestDatabase,
  TestResponse,
  testConfig,
} from '../testing';

interface Operation {
  where: string;
  path: string;
  method: OpenApiMethod;
  op: OpenApiOperation;
}

function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    OPENAPI_METHODS.flatMap((method) => {
      const op = item[method];
      return op ? [{ where: `${method.toUpperCase()} ${path}`, path, method, op }] : [];
    }),
  );
}

const responsesOf = (op: OpenApiOperation) => op.responses ?? {};
const contentOf = (response: OpenApiResponse | undefined) => response?.content ?? {};
const needsToken = (op: OpenApiOperation) => (op.security ?? []).length > 0;
const parametersIn = (op: OpenApiOperation, place: string) => (op.parameters ?? []).filter((parameter) => parameter.in === place);
/** The schema with every `#/components/...` reference replaced by what it names (the document has no cycles). */
function inlined(node: unknown, document: unknown): unknown {
  if (Array.isArray(node)) return node.map((child) => inlined(child, document));
  if (!isJsonObject(node)) return node;
  const ref = node['$ref'];
  if (typeof ref === 'string')
    return inlined(
      ref
        .slice(2)
        .split('/')
        .reduce<unknown>((at, part) => (isJsonObject(at) ? at[part] : undefined), document),
      document,
    );
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, inlined(value, document)]));
}

/** An answer body's schema says something: a type, a reference or a combination, not `{}`. */
const describes = (schema: JsonObject | undefined) => !!schema && ['type', '$ref', 'oneOf', 'anyOf', 'allOf'].some((keyword) => keyword in schema);

/**
 * What the document promises, operation by operation, and what the running API actually answers.
 * Together with the redocly lint (openapi-lint.int.spec.ts), this is what makes the document good
 * enough to generate a client from (issue 9, "one contract, both directions").
 */
describe('the OpenAPI document describes every answer, and the API keeps to it', () => {
  let db: TestDatabase;
  let api: TestApi;
  let document: OpenApiDocument;
  let operations: Operation[];

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db, testConfig(db.url));
    const response = await api.request('GET', '/api/docs-json');
    expect(response.status).toBe(200);
    document = openApiDocumentSchema.parse(response.body);
    operations = operationsOf(document);
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  describe('every operation', () => {
    it('has a success answer, and a body schema unless it is 204', () => {
      const missing: string[] = [];
      for (const { where, op } of operations) {
        const success = Object.entries(responsesOf(op)).filter(([status]) => /^2\d\d$/.test(status));
        if (success.length === 0) missing.push(`${where}: no 2xx answer`);
        for (const [status, response] of success) {
          if (status === '204') continue;
          const content = Object.entries(contentOf(response));
          if (content.length === 0) missing.push(`${where} ${status}: no content`);
          for (const [type, media] of content) if (!describes(media.schema)) missing.push(`${where} ${status} ${type}: no schema`);
        }
      }
      expect(missing).toEqual([]);
      expect(operations.length).toBeGreaterThan(80);
    });

    it('lists the error answers it can give, each with the shared error body', () => {
      const missing: string[] = [];
      for (const { where, op } of operations) {
        const statuses = Object.keys(responsesOf(op));
        const expected = [
          // The default rate limit applies to every endpoint.
          '429',
          ...(needsToken(op) ? ['401'] : []),
          ...(op['requestBody'] || parametersIn(op, 'query').length > 0 ? ['400'] : []),
          // A path id that is malformed or names nothing is a 404.
          ...(parametersIn(op, 'path').length > 0 ? ['404'] : []),
          // A role it is not open to, a case not theirs, or (TOTP_REQUIRED_ROLES) a sign-in yet to enrol a second factor.
          ...(needsToken(op) && (!op['x-allowed-during-enrolment'] || op['x-roles'] !== undefined) ? ['403'] : []),
        ];
        for (const status of expected) if (!statuses.includes(status)) missing.push(`${where}: no ${status}`);
        for (const status of statuses.filter((candidate) => /^4\d\d$/.test(candidate))) {
          const schema = jsonObjectSchema.optional().parse(inlined(contentOf(responsesOf(op)[status])['application/json']?.schema, document));
          const properties = Object.keys(jsonObjectSchema.optional().parse(schema?.['properties']) ?? {});
          if (!['statusCode', 'error', 'message'].every((name) => properties.includes(name))) missing.push(`${where} ${status}: not the error body`);
          if (status === '400' && !properties.includes('errors')) missing.push(`${where} 400: not the validation error body`);
        }
      }
      expect(missing).toEqual([]);
    });

    it('has a summary', () => {
      expect(operations.filter(({ op }) => typeof op['summary'] !== 'string' || !op['summary']).map(({ where }) => where)).toEqual([]);
    });
  });

  describe('the answers of the running API validate against their documented schemas', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const compiled = new Map<string, ValidateFunction>();

    /** The documented schema for an operation's answer with this status (JSON only). */
    function validatorFor(path: string, method: OpenApiMethod, status: number): ValidateFunction {
      const key = `${method} ${path} ${status}`;
      const found = compiled.get(key);
      if (found) return found;
      const op = document.paths[path]?.[method] ?? {};
      const schema = contentOf(responsesOf(op)[String(status)])['application/json']?.schema;
      if (!schema) throw new Error(`${key}: not documented`);
      const validate = ajv.compile(jsonObjectSchema.parse(inlined(schema, document)));
      compiled.set(key, validate);
      return validate;
    }

    function expectDocumented(response: TestResponse, path: string, method: OpenApiMethod, status: number): void {
      expect(response.status).toBe(status);
      const validate = validatorFor(path, method, status);
      const valid = validate(response.body);
      expect(
        valid
          ? []
          : (validate.errors ?? []).map(
              (error) => `${method.toUpperCase()} ${path} ${status}: ${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`,
            ),
      ).toEqual([]);
    }

    let caseworker: string;
    let supervisor: string;
    let caseId: string;
    let reference: string;
    let accessCode: string;

    beforeAll(async () => {
      caseworker = await api.tokenFor('caseworker');
      supervisor = await api.tokenFor('supervisor');
      const intake = await api.request('POST', '/api/intakes', { body: intakeFixture() });
      expect(intake.status).toBe(201);
      ({ reference, accessCode } = bodyOf(intake, intakeResponseSchema));
      const queue = await api.request('GET', '/api/cases?queue=all', { token: supervisor });
      caseId = bodyOf(queue, caseListResponseSchema).items.find((item) => item.reference === reference)?.id ?? '';
      expect(caseId).not.toBe('');
    }, 60_000);

    it('staff reads: the queue, its counts, a case, the bell, queue health, trends, me', async () => {
      expectDocumented(await api.request('GET', '/api/cases?queue=all', { token: supervisor }), '/api/cases', 'get', 200);
      expectDocumented(await api.request('GET', '/api/cases/counts', { token: caseworker }), '/api/cases/counts', 'get', 200);
      expectDocumented(await api.request('GET', `/api/cases/${caseId}`, { token: supervisor }), '/api/cases/{id}', 'get', 200);
      expectDocumented(await api.request('GET', '/api/notifications', { token: caseworker }), '/api/notifications', 'get', 200);
      expectDocumented(await api.request('GET', '/api/supervision/queue-health', { token: supervisor }), '/api/supervision/queue-health', 'get', 200);
      expectDocumented(await api.request('GET', '/api/trends?days=30', { token: supervisor }), '/api/trends', 'get', 200);
      expectDocumented(await api.request('GET', '/api/auth/me', { token: caseworker }), '/api/auth/me', 'get', 200);
    }, 60_000);

    it('staff writes: claim, a note, evidence', async () => {
      expectDocumented(await api.request('POST', `/api/cases/${caseId}/claim`, { token: caseworker }), '/api/cases/{id}/claim', 'post', 200);
      expectDocumented(
        await api.request('POST', `/api/cases/${caseId}/notes`, { token: caseworker, body: { body: 'Called back; no answer.' } }),
        '/api/cases/{id}/notes',
        'post',
        201,
      );
      expectDocumented(
        await api.request('POST', `/api/cases/${caseId}/evidence`, {
          token: caseworker,
          body: { kind: 'offender_account', platform: 'instagram', offenderHandle: 'someone_else', description: 'The account that wrote first' },
        }),
        '/api/cases/{id}/evidence',
        'post',
        201,
      );
    }, 60_000);

    it("the case page's other sections, the team's settings, and the person's conversation", async () => {
      const path = (section: string) => `/api/cases/${caseId}/${section}`;
      expectDocumented(
        await api.request('POST', path('takedowns'), {
          token: caseworker,
          body: { platform: 'instagram', url: 'https://example.org/post/1', channel: 'platform_form' },
        }),
        '/api/cases/{id}/takedowns',
        'post',
        201,
      );
      expectDocumented(await api.request('GET', path('takedowns'), { token: caseworker }), '/api/cases/{id}/takedowns', 'get', 200);
      expectDocumented(
        await api.request('POST', path('reports'), { token: caseworker, body: { agencyKind: 'police', agencyName: 'Local police' } }),
        '/api/cases/{id}/reports',
        'post',
        201,
      );
      expectDocumented(await api.request('GET', path('reports'), { token: caseworker }), '/api/cases/{id}/reports', 'get', 200);
      expectDocumented(await api.request('GET', path('follow-ups'), { token: caseworker }), '/api/cases/{id}/follow-ups', 'get', 200);
      expectDocumented(await api.request('GET', path('conversation'), { token: caseworker }), '/api/cases/{id}/conversation', 'get', 200);
      expectDocumented(await api.request('GET', path('links'), { token: supervisor }), '/api/cases/{id}/links', 'get', 200);
      expectDocumented(await api.request('GET', path('legal-hold'), { token: supervisor }), '/api/cases/{id}/legal-hold', 'get', 200);
      expectDocumented(await api.request('GET', path('audit'), { token: supervisor }), '/api/cases/{id}/audit', 'get', 200);
      expectDocumented(await api.request('GET', '/api/clusters', { token: supervisor }), '/api/clusters', 'get', 200);
      expectDocumented(await api.request('GET', '/api/staff', { token: supervisor }), '/api/staff', 'get', 200);
      expectDocumented(await api.request('GET', '/api/saved-replies', { token: caseworker }), '/api/saved-replies', 'get', 200);
      expectDocumented(await api.request('GET', '/api/organisation/hours', { token: caseworker }), '/api/organisation/hours', 'get', 200);
      expectDocumented(await api.request('GET', '/api/organisation/retention', { token: supervisor }), '/api/organisation/retention', 'get', 200);
      expectDocumented(await api.request('GET', '/api/auth/second-factor', { token: caseworker }), '/api/auth/second-factor', 'get', 200);

      const session = await api.request('POST', '/api/conversation/session', { body: { reference, accessCode } });
      expectDocumented(session, '/api/conversation/session', 'post', 201);
      const headers = { 'x-case-session': bodyOf(session, conversationSessionSchema).sessionToken };
      expectDocumented(
        await api.request('POST', '/api/conversation/messages', {
          headers,
          body: { clientMessageId: '0b6f5c1e-58a4-4c57-9a57-2f0c8f6f2a11', body: 'Is anyone there?' },
        }),
        '/api/conversation/messages',
        'post',
        201,
      );
      expectDocumented(await api.request('GET', '/api/conversation', { headers }), '/api/conversation', 'get', 200);
      expectDocumented(await api.request('GET', '/api/case-access/current', { headers }), '/api/case-access/current', 'get', 200);
      expectDocumented(
        await api.request('POST', '/api/case-access/deletion/status', { body: { reference, accessCode } }),
        '/api/case-access/deletion/status',
        'post',
        200,
      );
    }, 90_000);

    it('the public side: the directory, health, and the person opening their case', async () => {
      expectDocumented(await api.request('GET', '/api/resources'), '/api/resources', 'get', 200);
      expectDocumented(await api.request('GET', '/api/health'), '/api/health', 'get', 200);
      expectDocumented(await api.request('POST', '/api/case-access', { body: { reference, accessCode } }), '/api/case-access', 'post', 200);
    }, 60_000);

    it('the error answers: 400 with every field, 401, 404', async () => {
      expectDocumented(
        await api.request('POST', `/api/cases/${caseId}/notes`, { token: caseworker, body: { body: '', extra: 1 } }),
        '/api/cases/{id}/notes',
        'post',
        400,
      );
      expectDocumented(await api.request('GET', '/api/cases/counts'), '/api/cases/counts', 'get', 401);
      expectDocumented(await api.request('GET', '/api/cases/not-a-case', { token: caseworker }), '/api/cases/{id}', 'get', 404);
    }, 60_000);
  });
});
