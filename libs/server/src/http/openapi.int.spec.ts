import { intakeRequestSchema, intakeResponseSchema } from '@sg/contracts/schemas';
import { createTestDatabase, startTestApi, TestApi, TestDatabase, testConfig } from '../testing';

type Json = Record<string, unknown>;

const OPENAPI_30_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object']);
const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
/** JSON Schema keywords that OpenAPI 3.0's Schema Object does not have (zod's draft 2020-12 output uses them). */
const NOT_IN_OPENAPI_30 = [
  '$schema',
  '$defs',
  'const',
  'prefixItems',
  'unevaluatedProperties',
  'dependentRequired',
  'contentEncoding',
  'examples',
  '$id',
  '$anchor',
];

/**
 * Structural checks of an OpenAPI 3.0 document (no validator package is installed): the version,
 * every operation's responses, every Schema Object written in the 3.0 dialect, every $ref found.
 * Returns the problems, each naming where it is.
 */
function openApi30Problems(document: Json): string[] {
  const problems: string[] = [];
  if (typeof document['openapi'] !== 'string' || !/^3\.0\.\d+$/.test(document['openapi'] as string))
    problems.push(`openapi: ${String(document['openapi'])} is not 3.0.x`);
  const info = document['info'] as Json | undefined;
  if (!info || typeof info['title'] !== 'string' || typeof info['version'] !== 'string') problems.push('info: needs title and version');

  const resolve = (ref: string): unknown =>
    ref.startsWith('#/')
      ? ref
          .slice(2)
          .split('/')
          .reduce<unknown>((node, part) => (node as Json | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], document)
      : undefined;

  const checkSchema = (schema: unknown, where: string): void => {
    if (!schema || typeof schema !== 'object') return problems.push(`${where}: a schema must be an object`) as unknown as void;
    const node = schema as Json;
    if (typeof node['$ref'] === 'string') {
      if (resolve(node['$ref'] as string) === undefined) problems.push(`${where}: $ref ${node['$ref']} does not resolve`);
      return;
    }
    for (const keyword of NOT_IN_OPENAPI_30) if (keyword in node) problems.push(`${where}: "${keyword}" is not OpenAPI 3.0`);
    if ('type' in node && !(typeof node['type'] === 'string' && OPENAPI_30_TYPES.has(node['type'])))
      problems.push(`${where}: type ${JSON.stringify(node['type'])} is not an OpenAPI 3.0 type`);
    for (const bound of ['exclusiveMinimum', 'exclusiveMaximum'])
      if (bound in node && typeof node[bound] !== 'boolean') problems.push(`${where}: ${bound} must be a boolean in 3.0`);
    if ('nullable' in node && typeof node['nullable'] !== 'boolean') problems.push(`${where}: nullable must be a boolean`);
    if (node['type'] === 'array' && !('items' in node)) problems.push(`${where}: an array needs items`);
    if ('required' in node && !(Array.isArray(node['required']) && node['required'].length > 0)) problems.push(`${where}: required must be a non-empty list`);
    for (const [name, child] of Object.entries((node['properties'] as Json | undefined) ?? {})) checkSchema(child, `${where}.properties.${name}`);
    if (node['items'] !== undefined) checkSchema(node['items'], `${where}.items`);
    if (node['additionalProperties'] !== undefined && typeof node['additionalProperties'] !== 'boolean')
      checkSchema(node['additionalProperties'], `${where}.additionalProperties`);
    for (const combiner of ['allOf', 'anyOf', 'oneOf'])
      ((node[combiner] as unknown[] | undefined) ?? []).forEach((child, i) => checkSchema(child, `${where}.${combiner}[${i}]`));
    if (node['not'] !== undefined) checkSchema(node['not'], `${where}.not`);
  };

  const checkContent = (content: unknown, where: string) => {
    for (const [type, media] of Object.entries((content as Json | undefined) ?? {})) {
      const schema = (media as Json)['schema'];
      if (schema !== undefined) checkSchema(schema, `${where}.content["${type}"].schema`);
    }
  };

  const paths = document['paths'] as Record<string, Json> | undefined;
  if (!paths || typeof paths !== 'object') problems.push('paths: missing');
  for (const [path, item] of Object.entries(paths ?? {})) {
    if (!path.startsWith('/')) problems.push(`paths: "${path}" must start with /`);
    for (const [method, operation] of Object.entries(item)) {
      if (!HTTP_METHODS.has(method)) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const op = operation as Json;
      const responses = op['responses'] as Json | undefined;
      if (!responses || Object.keys(responses).length === 0) problems.push(`${where}: no responses`);
      for (const [status, response] of Object.entries(responses ?? {})) {
        if (!/^([1-5]\d\d|[1-5]XX|default)$/.test(status)) problems.push(`${where}: response key ${status} is not a status code`);
        if (typeof (response as Json)['description'] !== 'string') problems.push(`${where} ${status}: a response needs a description`);
        checkContent((response as Json)['content'], `${where} ${status}`);
      }
      const body = op['requestBody'] as Json | undefined;
      if (body) checkContent(body['content'], `${where} requestBody`);
      for (const [i, parameter] of ((op['parameters'] as Json[] | undefined) ?? []).entries()) {
        if (!['query', 'header', 'path', 'cookie'].includes(parameter['in'] as string)) problems.push(`${where} parameters[${i}]: bad "in"`);
        if (parameter['schema'] !== undefined) checkSchema(parameter['schema'], `${where} parameters[${i}].schema`);
      }
    }
  }
  for (const [name, schema] of Object.entries(((document['components'] as Json | undefined)?.['schemas'] as Json | undefined) ?? {}))
    checkSchema(schema, `components.schemas.${name}`);
  return problems;
}

describe('the OpenAPI document (/api/docs-json)', () => {
  let db: TestDatabase;
  let api: TestApi;
  let document: Json;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db, testConfig(db.url));
    const response = await api.request('GET', '/api/docs-json');
    expect(response.status).toBe(200);
    document = response.body as Json;
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const operation = (path: string, method: string) => ((document['paths'] as Record<string, Json>)[path]?.[method] ?? {}) as Json;
  const jsonSchema = (holder: unknown) => ((holder as Json | undefined)?.['content'] as Json | undefined)?.['application/json'] as Json | undefined;

  it('is a valid OpenAPI 3.0 document, schemas in the 3.0 dialect', () => {
    expect(openApi30Problems(document)).toEqual([]);
  });

  it('the structural checks catch what zod writes for draft 2020-12 (so they can fail)', () => {
    const broken = structuredClone(document);
    const intake = (broken['paths'] as Record<string, Json>)['/api/intakes']?.['post'] as Json;
    ((intake['requestBody'] as Json)['content'] as Json)['application/json'] = {
      schema: {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        properties: { paid: { type: ['boolean', 'null'] }, storeData: { const: true } },
      },
    };
    expect(openApi30Problems(broken)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('"$schema" is not OpenAPI 3.0'),
        expect.stringContaining('type ["boolean","null"]'),
        expect.stringContaining('"const" is not OpenAPI 3.0'),
      ]),
    );
  });

  it('documents POST /api/intakes: every request field, and the 201 and 400 answers', () => {
    const post = operation('/api/intakes', 'post');
    const request = jsonSchema(post['requestBody'])?.['schema'] as Json;
    expect(Object.keys(request['properties'] as Json).sort()).toEqual(Object.keys(intakeRequestSchema.shape).sort());
    expect(request['required']).toEqual(expect.arrayContaining(['submittedBy', 'country', 'contact', 'consent']));
    expect(request['additionalProperties']).toBe(false);
    const properties = request['properties'] as Record<string, Json>;
    expect(properties['paid']).toMatchObject({ type: 'boolean', nullable: true });
    expect(properties['ageBand']).toMatchObject({ type: 'string', enum: ['under_13', '13_17', '18_plus', 'unknown'] });

    const responses = post['responses'] as Record<string, Json>;
    const created = jsonSchema(responses['201'])?.['schema'] as Json;
    expect(Object.keys(created['properties'] as Json).sort()).toEqual(Object.keys(intakeResponseSchema.shape).sort());
    expect(created['required']).toEqual(expect.arrayContaining(['reference', 'accessCode', 'actionPlan', 'resources', 'firstResponseWithin']));
    expect(((created['properties'] as Record<string, Json>)['actionPlan']?.['items'] as Json)['properties']).toEqual(
      expect.objectContaining({ key: expect.anything(), title: expect.anything(), detail: expect.anything(), done: expect.anything() }),
    );
    const invalid = jsonSchema(responses['400'])?.['schema'] as Json;
    expect(((invalid['properties'] as Record<string, Json>)['errors']?.['items'] as Json)['properties']).toEqual(
      expect.objectContaining({ path: expect.anything(), message: expect.anything() }),
    );
    expect(Object.keys(responses)).toEqual(expect.arrayContaining(['201', '400', '413', '422', '429']));
  });
});
