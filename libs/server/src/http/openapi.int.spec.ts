import { intakeRequestSchema, intakeResponseSchema } from '@sg/contracts/schemas';
import { present } from '@sg/domain';
import { createTestDatabase, jsonObjectSchema, JsonObject, startTestApi, TestApi, TestDatabase, testConfig } from '../testing';

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

/** An object of the document to read by key (a list too, as `typeof` has it); undefined where it is neither. */
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null;
const objectOr = (value: unknown): JsonObject | undefined => (isObject(value) ? value : undefined);
/** What lies at `keys` under `value`, or undefined where the path stops. */
const at = (value: unknown, ...keys: string[]): unknown => keys.reduce<unknown>((node, key) => objectOr(node)?.[key], value);
/** A value's entries (a string's by character, as `Object.entries` has them); none for null or undefined. */
const entriesOf = (value: unknown): Array<[string, unknown]> => (value === null || value === undefined ? [] : Object.entries(value));

/**
 * Structural checks of an OpenAPI 3.0 document (no validator package is installed): the version,
 * every operation's responses, every Schema Object written in the 3.0 dialect, every $ref found.
 * Returns the problems, each naming where it is.
 */
function openApi30Problems(document: JsonObject): string[] {
  const problems: string[] = [];
  const version = document['openapi'];
  if (typeof version !== 'string' || !/^3\.0\.\d+$/.test(version)) problems.push(`openapi: ${String(version)} is not 3.0.x`);
  const info = objectOr(document['info']);
  if (!info || typeof info['title'] !== 'string' || typeof info['version'] !== 'string') problems.push('info: needs title and version');

  const resolve = (ref: string): unknown =>
    ref.startsWith('#/')
      ? ref
          .slice(2)
          .split('/')
          .reduce<unknown>((node, part) => objectOr(node)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], document)
      : undefined;

  /** A value that must be a list when present: its items (none when absent), or a problem. */
  const listAt = (value: unknown, where: string): unknown[] => {
    if (value === undefined || value === null) return [];
    if (Array.isArray(value)) return value as unknown[];
    problems.push(`${where}: must be a list`);
    return [];
  };

  const checkSchema = (schema: unknown, where: string): void => {
    if (!isObject(schema)) {
      problems.push(`${where}: a schema must be an object`);
      return;
    }
    const node = schema;
    const ref = node['$ref'];
    if (typeof ref === 'string') {
      if (resolve(ref) === undefined) problems.push(`${where}: $ref ${ref} does not resolve`);
      return;
    }
    for (const keyword of NOT_IN_OPENAPI_30) if (keyword in node) problems.push(`${where}: "${keyword}" is not OpenAPI 3.0`);
    const type = node['type'];
    if ('type' in node && !(typeof type === 'string' && OPENAPI_30_TYPES.has(type)))
      problems.push(`${where}: type ${JSON.stringify(type)} is not an OpenAPI 3.0 type`);
    for (const bound of ['exclusiveMinimum', 'exclusiveMaximum'])
      if (bound in node && typeof node[bound] !== 'boolean') problems.push(`${where}: ${bound} must be a boolean in 3.0`);
    if ('nullable' in node && typeof node['nullable'] !== 'boolean') problems.push(`${where}: nullable must be a boolean`);
    if (type === 'array' && !('items' in node)) problems.push(`${where}: an array needs items`);
    const required = node['required'];
    if ('required' in node && !(Array.isArray(required) && required.length > 0)) problems.push(`${where}: required must be a non-empty list`);
    for (const [name, child] of entriesOf(node['properties'])) checkSchema(child, `${where}.properties.${name}`);
    if (node['items'] !== undefined) checkSchema(node['items'], `${where}.items`);
    if (node['additionalProperties'] !== undefined && typeof node['additionalProperties'] !== 'boolean')
      checkSchema(node['additionalProperties'], `${where}.additionalProperties`);
    for (const combiner of ['allOf', 'anyOf', 'oneOf'])
      listAt(node[combiner], `${where}.${combiner}`).forEach((child, i) => checkSchema(child, `${where}.${combiner}[${i}]`));
    if (node['not'] !== undefined) checkSchema(node['not'], `${where}.not`);
  };

  const checkContent = (content: unknown, where: string) => {
    for (const [type, media] of entriesOf(content)) {
      if (!isObject(media)) {
        problems.push(`${where}.content["${type}"]: a media type must be an object`);
        continue;
      }
      const schema = media['schema'];
      if (schema !== undefined) checkSchema(schema, `${where}.content["${type}"].schema`);
    }
  };

  const paths = document['paths'];
  if (!isObject(paths)) problems.push('paths: missing');
  for (const [path, item] of entriesOf(objectOr(paths))) {
    if (!path.startsWith('/')) problems.push(`paths: "${path}" must start with /`);
    for (const [method, operation] of entriesOf(item)) {
      if (!HTTP_METHODS.has(method)) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const op = objectOr(operation);
      if (!op) {
        problems.push(`${where}: an operation must be an object`);
        continue;
      }
      const responses = objectOr(op['responses']);
      if (!responses || Object.keys(responses).length === 0) problems.push(`${where}: no responses`);
      for (const [status, response] of entriesOf(responses)) {
        if (!/^([1-5]\d\d|[1-5]XX|default)$/.test(status)) problems.push(`${where}: response key ${status} is not a status code`);
        if (typeof at(response, 'description') !== 'string') problems.push(`${where} ${status}: a response needs a description`);
        checkContent(at(response, 'content'), `${where} ${status}`);
      }
      const body = op['requestBody'];
      if (body) checkContent(at(body, 'content'), `${where} requestBody`);
      for (const [i, parameter] of listAt(op['parameters'], `${where} parameters`).entries()) {
        const place = at(parameter, 'in');
        if (typeof place !== 'string' || !['query', 'header', 'path', 'cookie'].includes(place)) problems.push(`${where} parameters[${i}]: bad "in"`);
        const schema = at(parameter, 'schema');
        if (schema !== undefined) checkSchema(schema, `${where} parameters[${i}].schema`);
      }
    }
  }
  for (const [name, schema] of entriesOf(at(document, 'components', 'schemas'))) checkSchema(schema, `components.schemas.${name}`);
  return problems;
}

describe('the OpenAPI document (/api/docs-json)', () => {
  let db: TestDatabase;
  let api: TestApi;
  let document: JsonObject;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db, testConfig(db.url));
    const response = await api.request('GET', '/api/docs-json');
    expect(response.status).toBe(200);
    document = jsonObjectSchema.parse(response.body);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const operation = (path: string, method: string) => objectOr(at(document, 'paths', path, method)) ?? {};
  const jsonSchema = (holder: unknown) => objectOr(at(holder, 'content', 'application/json'));

  it('is a valid OpenAPI 3.0 document, schemas in the 3.0 dialect', () => {
    expect(openApi30Problems(document)).toEqual([]);
  });

  it('the structural checks catch what zod writes for draft 2020-12 (so they can fail)', () => {
    const broken = structuredClone(document);
    const content = present(objectOr(at(broken, 'paths', '/api/intakes', 'post', 'requestBody', 'content')), 'the intake request body');
    content['application/json'] = {
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
    const request = present(objectOr(jsonSchema(post['requestBody'])?.['schema']), 'the intake request schema');
    expect(Object.keys(objectOr(request['properties']) ?? {}).sort()).toEqual(Object.keys(intakeRequestSchema.shape).sort());
    expect(request['required']).toEqual(expect.arrayContaining(['submittedBy', 'country', 'contact', 'consent']));
    expect(request['additionalProperties']).toBe(false);
    const properties = objectOr(request['properties']) ?? {};
    expect(properties['paid']).toMatchObject({ type: 'boolean', nullable: true });
    expect(properties['ageBand']).toMatchObject({ type: 'string', enum: ['under_13', '13_17', '18_plus', 'unknown'] });

    const responses = objectOr(post['responses']) ?? {};
    const created = present(objectOr(jsonSchema(responses['201'])?.['schema']), 'the 201 answer schema');
    expect(Object.keys(objectOr(created['properties']) ?? {}).sort()).toEqual(Object.keys(intakeResponseSchema.shape).sort());
    expect(created['required']).toEqual(expect.arrayContaining(['reference', 'accessCode', 'actionPlan', 'resources', 'firstResponseWithin']));
    expect(at(created, 'properties', 'actionPlan', 'items', 'properties')).toEqual(
      expect.objectContaining({
        key: expect.anything() as unknown,
        title: expect.anything() as unknown,
        detail: expect.anything() as unknown,
        done: expect.anything() as unknown,
      }),
    );
    const invalid = jsonSchema(responses['400'])?.['schema'];
    expect(at(invalid, 'properties', 'errors', 'items', 'properties')).toEqual(
      expect.objectContaining({ path: expect.anything() as unknown, message: expect.anything() as unknown }),
    );
    expect(Object.keys(responses)).toEqual(expect.arrayContaining(['201', '400', '413', '422', '429']));
  });
});
