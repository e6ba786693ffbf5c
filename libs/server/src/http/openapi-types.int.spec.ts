import * as contracts from '@sg/contracts/schemas';
import { caseListResponseSchema, intakeResponseSchema } from '@sg/contracts/schemas';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { compileFunction } from 'node:vm';
import * as ts from 'typescript';
import { z } from 'zod';
import {
  bodyOf,
  createTestDatabase,
  intakeFixture,
  OPENAPI_METHODS,
  OpenApiDocument,
  openApiDocumentSchema,
  startTestApi,
  TestApi,
  TestDatabase,
  testConfig,
} from '../testing';
import { AnswerContract, answerContractsByOperationId } from './openapi-schema';

const ROOT = resolve(__dirname, '../../../..');
const run = promisify(execFile);

/** What the client's module exports, checked as it is loaded. */
type ReadAndNote = (base: string, token: string, id: string) => Promise<{ reference: string; author: string }>;
const clientExportsSchema = z.looseObject({ readAndNote: z.custom<ReadAndNote>((value) => typeof value === 'function') });

/** An operation whose success answer is a JSON body, with the contract `@ApiAnswer` documented it from. */
interface Checked {
  where: string;
  path: string;
  method: string;
  status: string;
  operationId: string;
  contract: AnswerContract | undefined;
}

function jsonSuccessAnswers(document: OpenApiDocument): Checked[] {
  const contractOf = answerContractsByOperationId();
  return Object.entries(document.paths).flatMap(([path, item]) =>
    OPENAPI_METHODS.flatMap((method) => {
      const op = item[method];
      if (!op) return [];
      const operationId = String(op.operationId);
      return Object.entries(op.responses ?? {})
        .filter(([status, response]) => /^2\d\d$/.test(status) && response.content?.['application/json'])
        .map(([status]) => ({ where: `${method.toUpperCase()} ${path} ${status}`, path, method, status, operationId, contract: contractOf.get(operationId) }));
    }),
  );
}

/** The name `@sg/contracts/schemas` exports a schema under: what the check file can name its type by. */
const exportNames = new Map<unknown, string>();
for (const [name, value] of Object.entries(contracts)) if (value instanceof z.ZodType && !exportNames.has(value)) exportNames.set(value, name);

/** A JSON answer's type in the generated `paths`. */
const documentedType = ({ path, method, status }: Checked) =>
  `paths[${JSON.stringify(path)}][${JSON.stringify(method)}]['responses'][${status}]['content']['application/json']`;

/**
 * One line per operation, assigning the documented type to the contract's and back: the compiler
 * explains a failure in either direction, and its line says which operation it was.
 */
function checkFile(checked: Checked[]): { text: string; lineOf: Map<number, string> } {
  const lines = ["import type * as z from 'zod';", "import type * as contracts from '@sg/contracts/schemas';", "import type { paths } from './openapi';", ''];
  const lineOf = new Map<number, string>();
  checked.forEach((operation, index) => {
    const contract = `z.output<typeof contracts.${exportNames.get(operation.contract?.schema) ?? ''}>`;
    lineOf.set(lines.length, `${operation.where} (${operation.operationId}, ${exportNames.get(operation.contract?.schema) ?? ''})`);
    lines.push(
      `export function check${index}(documented: ${documentedType(operation)}, contract: ${contract}) { const toContract: ${contract} = documented; const toDocument: typeof documented = contract; return [toContract, toDocument]; }`,
    );
  });
  return { text: `${lines.join('\n')}\n`, lineOf };
}

/**
 * The tiny client a web or a partner would write against the generated `paths` (openapi-fetch in
 * ten lines): the path, its parameters, the body and the answer are all typed from the document.
 * The `@ts-expect-error` lines prove the types are not `any`: were they, the directive would be unused, an error.
 */
const CLIENT = `import type { paths } from './openapi';

type Operation<P extends keyof paths, M extends 'get' | 'post'> = Exclude<paths[P][M], undefined>;
type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Answer<O> = O extends { responses: infer R } ? JsonOf<R[200 & keyof R]> | JsonOf<R[201 & keyof R]> : never;
type Options<O> = (O extends { parameters: { path: infer A extends Record<string, string> } } ? { params: A } : { params?: never }) &
  (O extends { requestBody: { content: { 'application/json': infer B } } } ? { body: B } : { body?: never }) & { token?: string };

export async function call<P extends keyof paths, M extends 'get' | 'post'>(base: string, method: M, path: P, options: Options<Operation<P, M>>): Promise<Answer<Operation<P, M>>> {
  const url = path.replace(/\\{(\\w+)\\}/g, (_, name: string) => encodeURIComponent((options.params as Record<string, string>)[name] ?? ''));
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(options.token ? { authorization: \`Bearer \${options.token}\` } : {}) };
  const response = await fetch(base + url, { method: method.toUpperCase(), headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  if (!response.ok) throw new Error(\`\${method} \${path}: \${response.status}\`);
  return (await response.json()) as Answer<Operation<P, M>>;
}

export async function readAndNote(base: string, token: string, id: string): Promise<{ reference: string; author: string }> {
  const detail = await call(base, 'get', '/api/cases/{id}', { params: { id }, token });
  const note = await call(base, 'post', '/api/cases/{id}/notes', { params: { id }, body: { body: 'Called back; no answer.' }, token });
  return { reference: detail.reference, author: note.author.displayName };
}

export async function misuse(base: string, token: string, id: string): Promise<void> {
  const detail = await call(base, 'get', '/api/cases/{id}', { params: { id }, token });
  // @ts-expect-error the case page has no such field
  void detail.noSuchField;
  // @ts-expect-error a note's body is text
  await call(base, 'post', '/api/cases/{id}/notes', { params: { id }, body: { body: 1 }, token });
  // @ts-expect-error the path needs its id
  await call(base, 'get', '/api/cases/{id}', { token });
  // @ts-expect-error no such path
  await call(base, 'get', '/api/no-such-path', { token });
}
`;

/** The compiler's complaints about the files in dir, type-checked with the server lib's options. */
function typeCheck(dir: string, files: string[]): ts.Diagnostic[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'libs/server/tsconfig.lib.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error('libs/server/tsconfig.lib.json: not readable');
  const options: ts.CompilerOptions = { ...parsed.options, noEmit: true, declaration: false, rootDir: undefined, outDir: undefined };
  const program = ts.createProgram({ rootNames: files.map((file) => join(dir, file)), options });
  return [...ts.getPreEmitDiagnostics(program)];
}

/** The compiler's message, its innermost reasons (which property, which type) kept whole and the long type print-outs above them cut. */
function describeDiagnostic(diagnostic: ts.Diagnostic): string {
  const lines = ts
    .flattenDiagnosticMessageText(diagnostic.messageText, '\n')
    .split('\n')
    .map((line) => line.trim());
  const cut = (line: string) => (line.length > 160 ? `${line.slice(0, 157)}...` : line);
  return [...lines.slice(0, Math.max(0, lines.length - 3)).map(cut), ...lines.slice(-3)].join(' / ');
}

/**
 * Issue 9, "one contract, both directions": TypeScript types generated from the document the
 * running API serves (openapi-typescript) are, for every operation with a JSON success body, the
 * contract's response type (assignable both ways), and a small client type-checks against them.
 */
describe('the types openapi-typescript generates from the served OpenAPI document', () => {
  let db: TestDatabase;
  let api: TestApi;
  let dir: string;
  let checked: Checked[];
  let diagnostics: ts.Diagnostic[];
  let lineOf: Map<number, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db, testConfig(db.url));
    const response = await api.request('GET', '/api/docs-json');
    expect(response.status).toBe(200);
    const document = openApiDocumentSchema.parse(response.body);
    checked = jsonSuccessAnswers(document);

    // Inside the repository (tmp/ is ignored), so the check file resolves zod and @sg/contracts as the libs do.
    mkdirSync(join(ROOT, 'tmp'), { recursive: true });
    dir = mkdtempSync(join(ROOT, 'tmp', 'openapi-types-'));
    // The document as served (what parsing reads of it is not all of it).
    // openapi-typescript's Node API (openapiTS + astToString), in a process of its own: see the script.
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(response.body));
    await run(process.execPath, [join(ROOT, 'tools/openapi/generate-types.mjs'), join(dir, 'openapi.json'), join(dir, 'openapi.ts')]);
    const check = checkFile(checked.filter(({ contract }) => contract && exportNames.has(contract.schema)));
    lineOf = check.lineOf;
    writeFileSync(join(dir, 'answers-check.ts'), check.text);
    writeFileSync(join(dir, 'client.ts'), CLIENT);
    diagnostics = typeCheck(dir, ['answers-check.ts', 'client.ts']);
  }, 240_000);

  afterAll(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    await api?.close();
    await db?.drop();
  });

  it('knows the contract of every operation with a JSON success body, as @ApiAnswer documented it', () => {
    const problems = checked.flatMap(({ where, operationId, status, contract }) => {
      if (!contract) return [`${where}: no @ApiAnswer contract for ${operationId}`];
      if (String(contract.status) !== status) return [`${where}: @ApiAnswer says ${contract.status}`];
      if (!exportNames.has(contract.schema)) return [`${where}: its schema is not exported by @sg/contracts/schemas`];
      return [];
    });
    expect(problems).toEqual([]);
    // Every documented contract belongs to an operation the document has (none unserved).
    const served = new Set(checked.map(({ operationId }) => operationId));
    expect([...answerContractsByOperationId().keys()].filter((operationId) => !served.has(operationId))).toEqual([]);
    expect(checked.length).toBeGreaterThan(60);
  });

  it("has, for every such operation, the contract's response type, assignable both ways", () => {
    // A check line for each operation, or a silent pass would prove nothing.
    expect(lineOf.size).toBe(checked.length);
    const mismatches = new Map<string, string[]>();
    for (const diagnostic of diagnostics.filter((d) => d.file?.fileName.endsWith('answers-check.ts'))) {
      const line = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line : -1;
      const where = lineOf.get(line) ?? `line ${line + 1}`;
      mismatches.set(where, [...(mismatches.get(where) ?? []), describeDiagnostic(diagnostic)]);
    }
    expect([...mismatches].map(([where, messages]) => `${where}: ${messages.join(' | ')}`)).toEqual([]);
  });

  it('type-checks a small client written against the generated paths, and nothing else complains', () => {
    const elsewhere = diagnostics.filter((d) => !d.file?.fileName.endsWith('answers-check.ts'));
    expect(elsewhere.map((d) => `${d.file ? d.file.fileName.slice(ROOT.length + 1) : 'program'}: ${describeDiagnostic(d)}`)).toEqual([]);
  });

  it('and that client, run against the API, reads a case and adds a note', async () => {
    // The type check above held this process's event loop (the API's too) past the server's
    // keep-alive timeout: let the server close the idle socket before fetch tries to reuse it.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const caseworker = await api.tokenFor('caseworker');
    const supervisor = await api.tokenFor('supervisor');
    const intake = await api.request('POST', '/api/intakes', { body: intakeFixture() });
    expect(intake.status).toBe(201);
    const { reference } = bodyOf(intake, intakeResponseSchema);
    const queue = await api.request('GET', '/api/cases?queue=all', { token: supervisor });
    const id = bodyOf(queue, caseListResponseSchema).items.find((item) => item.reference === reference)?.id ?? '';
    expect((await api.request('POST', `/api/cases/${id}/claim`, { token: caseworker })).status).toBe(200);

    const js = ts.transpileModule(CLIENT, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
    const clientModule = { exports: {} };
    // The client imports types only, so its JavaScript needs no module loader: it runs as a CommonJS module's body.
    Reflect.apply(compileFunction(js, ['exports', 'module']), undefined, [clientModule.exports, clientModule]);
    const client = clientExportsSchema.parse(clientModule.exports);
    expect(await client.readAndNote(api.baseUrl, caseworker, id)).toEqual({ reference, author: expect.any(String) as unknown });
  }, 60_000);
});
