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
 * What is still owed is listed in folder-modules.baseline.json, which may only shrink: a cycle
 * edge or a declaration not in it fails, and so does an entry that is no longer true.
 *
 * Usage: node tools/check/folder-modules.mjs [--strict] [--graph] [--no-baseline] [--write-baseline] [src-dir]
 * Prints the cycles and the misplaced declarations with their counts and every failure; --strict
 * (CI and `npm run lint`) exits 1 on a failure; --graph also prints every folder's dependencies;
 * --no-baseline holds the tree to no cycles at all; --write-baseline records what is owed now.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
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
    if (ts.isDecorator(node) && ts.isCallExpression(node.expression) && ts.isIdentifier(node.expression.expression) && node.expression.expression.text === 'Module') {
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
                if (ts.isPropertyAssignment(inner) && ts.isIdentifier(inner.name) && ['useClass', 'useExisting'].includes(inner.name.text) && ts.isIdentifier(inner.initializer)) {
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

/** Every folder edge that lies on a cycle ("a -> b"), sorted: what the baseline lists. */
export function cyclicEdges(graph, cycles) {
  const edges = [];
  for (const { folders } of cycles) {
    const members = new Set(folders);
    for (const from of folders) for (const to of graph.get(from).keys()) if (members.has(to)) edges.push(`${from} -> ${to}`);
  }
  return edges.sort();
}

/**
 * Holds an analysis to a baseline of what is still owed ({ cyclicEdges, misplaced }): anything not
 * in it fails, and so does a baseline entry that is no longer true (the baseline only shrinks, as
 * database/entity-drift.baseline.json does). Returns the failure lines, empty when the tree passes.
 */
export function verdict({ graph, cycles, misplaced }, baseline = { cyclicEdges: [], misplaced: [] }) {
  const failures = [];
  const edges = cyclicEdges(graph, cycles);
  const owedEdges = new Set(baseline.cyclicEdges ?? []);
  const owedMisplaced = new Set(baseline.misplaced ?? []);
  for (const edge of edges) if (!owedEdges.has(edge)) failures.push(`import on a folder cycle: ${edge}; break the cycle instead`);
  for (const line of misplaced) if (!owedMisplaced.has(line)) failures.push(`declared by another folder's module: ${line}`);
  const now = new Set(edges);
  for (const edge of owedEdges) if (!now.has(edge)) failures.push(`baseline lists ${edge}, which is no longer on a cycle: remove it from the baseline`);
  const nowMisplaced = new Set(misplaced);
  for (const line of owedMisplaced) if (!nowMisplaced.has(line)) failures.push(`baseline lists "${line}", which is fixed: remove it from the baseline`);
  return failures;
}

export const BASELINE_FILE = join(root, 'tools/check/folder-modules.baseline.json');

function main() {
  const args = process.argv.slice(2);
  const strict = args.includes('--strict');
  const showGraph = args.includes('--graph');
  const writeBaseline = args.includes('--write-baseline');
  const noBaseline = args.includes('--no-baseline');
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
  if (writeBaseline) {
    writeFileSync(BASELINE_FILE, `${JSON.stringify({ cyclicEdges: cyclicEdges(graph, cycles), misplaced }, null, 2)}\n`);
    console.log(`wrote ${relative(root, BASELINE_FILE)}`);
    return;
  }
  const baseline = noBaseline || !existsSync(BASELINE_FILE) ? undefined : JSON.parse(readFileSync(BASELINE_FILE, 'utf8'));
  const failures = verdict(analysis, baseline);
  for (const failure of failures) console.log(`FAIL ${failure}`);
  if (baseline) console.log(`baseline (${relative(root, BASELINE_FILE)}): ${baseline.cyclicEdges.length} cyclic edge(s) and ${baseline.misplaced.length} declaration(s) still owed`);
  process.exit(strict && failures.length > 0 ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
