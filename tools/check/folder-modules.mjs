#!/usr/bin/env node
/**
 * Modules = folders (issue 9): each folder of libs/server/src is one Nest module, and folders do
 * not import each other in a circle. This check fails on
 *   - an import cycle between folders (from every `import`/`export ... from`/`import()` of a
 *     relative path, type-only ones included: a type is a dependency a reader has to follow too);
 *   - a `@Module` whose `controllers` or `providers` name a class from another folder (a folder's
 *     classes are declared by its own module; other folders import that module).
 * Specs (`*.spec.ts`) and the `testing/` helpers are left out: tests may reach anywhere.
 * Files directly in src (api-features.module.ts, entities.ts, index.ts) compose the folders: they
 * are one node, `(src)`, so a folder that reaches back into the composition is a cycle too.
 *
 * A plain script beside no-raw-query.mjs rather than an ESLint rule: it is about folders, not
 * syntax, and one file that CI and a person run is easiest to read. It parses with the
 * TypeScript compiler already in the workspace, so multi-line and type-only imports count.
 *
 * There are no exceptions: break a new cycle (move the shared thing to the folder that owns the
 * concept or to case-core/, or invert the dependency with an abstract class as the Nest token, as
 * case-core/case-follow-ups.ts and auth/sign-in-second-factor.ts do).
 *
 * Usage: node tools/check/folder-modules.mjs [--strict] [--graph] [src-dir]
 * Prints the cycles (each hop with the import behind it) and the misplaced declarations, and their
 * counts; --strict (CI and `npm run lint`) exits 1 when there is any; --graph also prints every
 * folder's dependencies.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function* tsFiles(dir) {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yield* tsFiles(full);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) yield full;
  }
}

/** The folder a path (relative to src, with `/`) belongs to; `(src)` for the files directly in src. */
const ROOT = '(src)';
const folderOf = (path) => (path.includes('/') ? path.slice(0, path.indexOf('/')) : ROOT);

const leftOut = (path) => /\.spec\.ts$/.test(path) || path.startsWith('testing/');

/** `./x` from `a/b.ts` -> `a/x.ts` (or `a/x/index.ts`), relative to src; null if not a file of src. */
function resolveImport(srcDir, fromPath, specifier) {
  if (!specifier.startsWith('.')) return null;
  const base = join(srcDir, dirname(fromPath), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(srcDir, candidate).split(sep).join('/');
  }
  return null;
}

/** Every relative import of a file: [{ specifier, names: Map<localName, importedName> }]. */
function importsOf(source) {
  const found = [];
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const names = new Map();
      const bindings = ts.isImportDeclaration(node) ? node.importClause?.namedBindings : undefined;
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) names.set(element.name.text, (element.propertyName ?? element.name).text);
      }
      found.push({ specifier: node.moduleSpecifier.text, names });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, names: new Map() });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The classes a `@Module({...})` declares: names in `controllers` and `providers` (and `useClass`/`useExisting`). */
function moduleDeclarations(source) {
  const declared = [];
  const visit = (node) => {
    if (
      ts.isDecorator(node) &&
      ts.isCallExpression(node.expression) &&
      ts.isIdentifier(node.expression.expression) &&
      node.expression.expression.text === 'Module'
    ) {
      const options = node.expression.arguments[0];
      const moduleName = ts.isClassDeclaration(node.parent) ? node.parent.name?.text : undefined;
      if (options && ts.isObjectLiteralExpression(options)) {
        for (const property of options.properties) {
          if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name)) continue;
          const kind = property.name.text;
          if ((kind !== 'controllers' && kind !== 'providers') || !ts.isArrayLiteralExpression(property.initializer)) continue;
          for (const element of property.initializer.elements) {
            if (ts.isIdentifier(element)) declared.push({ moduleName, kind, name: element.text });
            else if (ts.isObjectLiteralExpression(element)) {
              for (const inner of element.properties) {
                if (
                  ts.isPropertyAssignment(inner) &&
                  ts.isIdentifier(inner.name) &&
                  ['useClass', 'useExisting'].includes(inner.name.text) &&
                  ts.isIdentifier(inner.initializer)
                ) {
                  declared.push({ moduleName, kind, name: inner.initializer.text });
                }
              }
            }
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return declared;
}

/** Tarjan's strongly connected components; those with two or more folders hold the cycles. */
function stronglyConnected(graph) {
  let index = 0;
  const stack = [];
  const state = new Map();
  const components = [];
  const connect = (node) => {
    state.set(node, { index, low: index, onStack: true });
    index++;
    stack.push(node);
    for (const next of [...(graph.get(node)?.keys() ?? [])].sort()) {
      if (!state.has(next)) {
        connect(next);
        state.get(node).low = Math.min(state.get(node).low, state.get(next).low);
      } else if (state.get(next).onStack) {
        state.get(node).low = Math.min(state.get(node).low, state.get(next).index);
      }
    }
    if (state.get(node).low === state.get(node).index) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        state.get(member).onStack = false;
        component.push(member);
      } while (member !== node);
      components.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) connect(node);
  return components;
}

/** The shortest path from `from` to `to` inside `members` (breadth first), as a list of folders. */
function shortestPath(graph, from, to, members) {
  const previous = new Map([[from, null]]);
  const queue = [from];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const next of [...(graph.get(node)?.keys() ?? [])].sort()) {
      if (!members.has(next) || previous.has(next)) continue;
      previous.set(next, node);
      if (next === to) {
        const path = [to];
        for (let step = node; step !== null; step = previous.get(step)) path.unshift(step);
        return path;
      }
      queue.push(next);
    }
  }
  return null;
}

/**
 * The folder graph of `srcDir` and what is wrong with it:
 *   graph: Map<folder, Map<folder it imports, [example "file -> file"]>>,
 *   cycles: [{ folders, loops: ["a -> b -> a", ...] }] (one shortest loop through each edge of a
 *           component, deduplicated), misplaced: ["file: Module declares X (kind) of folder"].
 */
export function analyseFolders(srcDir) {
  const graph = new Map();
  const misplaced = [];
  for (const file of tsFiles(srcDir)) {
    const path = relative(srcDir, file).split(sep).join('/');
    const folder = folderOf(path);
    if (leftOut(path)) continue;
    if (!graph.has(folder)) graph.set(folder, new Map());
    const source = ts.createSourceFile(path, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const origins = new Map(); // local name -> file it is imported from
    for (const { specifier, names } of importsOf(source)) {
      const target = resolveImport(srcDir, path, specifier);
      if (target === null) continue;
      for (const local of names.keys()) origins.set(local, target);
      const targetFolder = folderOf(target);
      if (targetFolder === folder || leftOut(target)) continue;
      const edges = graph.get(folder);
      if (!edges.has(targetFolder)) edges.set(targetFolder, []);
      edges.get(targetFolder).push(`${path} -> ${target}`);
    }
    for (const { moduleName, kind, name } of moduleDeclarations(source)) {
      const origin = origins.get(name);
      if (origin === undefined) continue; // declared in this file
      const owner = folderOf(origin);
      if (owner !== ROOT && owner !== folder) misplaced.push(`${path}: ${moduleName} declares ${name} (${kind}) of ${owner}/`);
    }
  }
  const cycles = [];
  for (const component of stronglyConnected(graph)) {
    if (component.length < 2) continue;
    const members = new Set(component);
    const loops = new Set();
    for (const from of component) {
      for (const to of [...graph.get(from).keys()].sort()) {
        if (!members.has(to)) continue;
        const back = shortestPath(graph, to, from, members);
        if (back === null) continue;
        const loop = [from, ...back];
        // One spelling per loop: start at its alphabetically first folder.
        const body = loop.slice(0, -1);
        const start = body.indexOf([...body].sort()[0]);
        const rotated = [...body.slice(start), ...body.slice(0, start)];
        loops.add([...rotated, rotated[0]].join(' -> '));
      }
    }
    cycles.push({ folders: component, loops: [...loops].sort() });
  }
  return { graph, cycles, misplaced: misplaced.sort() };
}

/** Every folder edge that lies on a cycle ("a -> b"), sorted. */
export function cyclicEdges(graph, cycles) {
  const edges = [];
  for (const { folders } of cycles) {
    const members = new Set(folders);
    for (const from of folders) for (const to of graph.get(from).keys()) if (members.has(to)) edges.push(`${from} -> ${to}`);
  }
  return edges.sort();
}

/** What fails the check: every edge on a folder cycle and every misplaced declaration, in words. */
export function verdict({ graph, cycles, misplaced }) {
  return [
    ...cyclicEdges(graph, cycles).map((edge) => `import on a folder cycle: ${edge}; break the cycle`),
    ...misplaced.map((line) => `declared by another folder's module: ${line}`),
  ];
}

function main() {
  const args = process.argv.slice(2);
  const strict = args.includes('--strict');
  const showGraph = args.includes('--graph');
  const srcDir = resolve(args.find((arg) => !arg.startsWith('--')) ?? join(root, 'libs/server/src'));
  const analysis = analyseFolders(srcDir);
  const { graph, cycles, misplaced } = analysis;
  if (showGraph) {
    for (const [folder, edges] of [...graph].sort(([a], [b]) => a.localeCompare(b))) {
      console.log(`${folder} -> ${[...edges.keys()].sort().join(', ') || '(nothing)'}`);
    }
  }
  for (const { folders, loops } of cycles) {
    console.log(`cycle among ${folders.length} folders: ${folders.join(', ')}`);
    for (const loop of loops) {
      const hops = loop.split(' -> ');
      console.log(`  ${loop}`);
      // Why: the first import behind each hop, so the fix starts from a file.
      for (let i = 0; i < hops.length - 1; i++) console.log(`      ${graph.get(hops[i]).get(hops[i + 1])[0]}`);
    }
  }
  for (const line of misplaced) console.log(line);
  const loopCount = cycles.reduce((sum, { loops }) => sum + loops.length, 0);
  console.log(
    `${graph.size} folders; ${cycles.length} import cycle(s) among folders (${cycles.reduce((sum, { folders }) => sum + folders.length, 0)} folders, ` +
      `${cyclicEdges(graph, cycles).length} edges on a cycle, ${loopCount} distinct loop(s)); ` +
      `${misplaced.length} controller/provider declaration(s) in another folder's module`,
  );
  const failures = verdict(analysis);
  for (const failure of failures) console.log(`FAIL ${failure}`);
  process.exit(strict && failures.length > 0 ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
