#!/usr/bin/env node
// Fails when package.json declares a dependency nothing in the repository uses (issue 9).
// A package counts as used when some source or configuration file names it as a module
// (`'pkg'` or `'pkg/sub/path'` in quotes: imports, requires, Nx plugins, Jest presets, tsconfig
// types, SCSS `@use`), when a script, CI step or tool runs one of its binaries, or, for `@types/x`,
// when `x` (or Node itself) is used. Packages needed only as another package's optional peer are
// listed in ALLOWED with the reason.
// Usage: node tools/check/unused-dependencies.mjs [root]   (exit 1 and a list when any is unused)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Needed though no file names them: each with its reason. */
export const ALLOWED = new Map([
  ['ts-node', "TypeORM's CLI and Jest load TypeScript configs through it (an optional peer)"],
  ['ioredis', "BullMQ's Redis client, named in TypeORM's optional peers"],
  ['@swc/helpers', 'runtime helpers the Nx build emits imports of when it compiles with SWC'],
  ['tslib', 'runtime helpers TypeScript emits imports of (importHelpers)'],
  ['reflect-metadata', 'loaded by Nest before any decorator runs'],
  ['@angular/platform-server', "the web build's prerender renders with it (an optional peer of @angular/ssr)"],
  ['@angular/language-service', "editors' Angular template checking loads the workspace's copy"],
  ['@angular/cli', '`ng`, and the Angular schematics `nx g` runs'],
  ['@nestjs/schematics', '`nx g @nx/nest:*` generators'],
  ['@nx/nest', '`nx g @nx/nest:*` generators for new server code'],
  ['@nx/node', "the api and worker projects' generators and `nx serve`"],
  ['@nx/workspace', "Nx's workspace generators (move, remove)"],
  ['@eslint/js', "loaded by @nx/eslint-plugin's flat configs"],
  ['typescript-eslint', "loaded by @nx/eslint-plugin's flat/typescript config"],
  ['@typescript-eslint/utils', 'typescript-eslint rules load it'],
  ['angular-eslint', "loaded by @nx/eslint-plugin's flat/angular configs (apps/web/eslint.config.mjs)"],
  ['jest-environment-jsdom', "the web specs' test environment (jest-preset-angular)"],
  ['jest-environment-node', "the server specs' `testEnvironment: 'node'`"],
  ['webpack-cli', 'optional peer of @nx/webpack: `nx serve api` and `nx serve worker`'],
  ['webpack-dev-server', 'optional peer of @nx/webpack: `nx serve`'],
]);

const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', '.nx', '.angular', '.scratch', 'coverage', 'test-output', '.data', 'tmp']);
const SOURCE = /\.(ts|mts|cts|js|mjs|cjs|json|scss|html|yml|yaml)$|^\.ci|^Dockerfile|^run$/;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.name !== 'package-lock.json' && SOURCE.test(entry.name)) yield path;
  }
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The binaries a package installs (`node_modules/.bin` names), from its own package.json. */
function binariesOf(root, name) {
  const manifest = join(root, 'node_modules', name, 'package.json');
  if (!existsSync(manifest)) return [];
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8'));
  if (!bin) return [];
  return typeof bin === 'string' ? [name.split('/').pop()] : Object.keys(bin);
}

/** The peers a package requires (optional ones left out). */
function peersOf(root, name) {
  const manifest = join(root, 'node_modules', name, 'package.json');
  if (!existsSync(manifest)) return [];
  const { peerDependencies = {}, peerDependenciesMeta = {} } = JSON.parse(readFileSync(manifest, 'utf8'));
  return Object.keys(peerDependencies).filter((peer) => !peerDependenciesMeta[peer]?.optional);
}

/** The declared dependencies no file uses, in package.json's order. */
export function unusedDependencies(root) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const declared = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];
  const texts = [];
  for (const path of files(root)) {
    if (path === join(root, 'package.json')) continue;
    if (statSync(path).size > 2_000_000) continue;
    // A list of what may NOT be imported (eslint's module boundaries) is not a use.
    texts.push(
      readFileSync(path, 'utf8')
        .split('\n')
        .filter((line) => !line.includes('bannedExternalImports'))
        .join('\n'),
    );
  }
  // Scripts run binaries: `nx run-many`, `jest`, `playwright test`.
  const commands = [Object.values(pkg.scripts ?? {}).join('\n'), ...texts].join('\n');
  const corpus = texts.join('\n');
  // `'pkg'`, `'pkg/sub/path'`, and Nx's `'pkg:executor'`.
  const named = (name) => new RegExp(`['"\`]${escape(name)}([/:][^'"\`\\s]*)?['"\`]`).test(corpus);
  const runs = (name) => binariesOf(root, name).some((bin) => new RegExp(`(^|[\\s/'"\`(])${escape(bin)}(\\s|['"\`]|$)`, 'm').test(commands));
  const used = new Set(declared.filter((name) => ALLOWED.has(name) || named(name) || runs(name)));
  // A package another used one requires as a (non-optional) peer is used through it.
  for (let grew = true; grew;) {
    grew = false;
    for (const name of declared) {
      if (used.has(name)) continue;
      if ([...used].some((user) => peersOf(root, user).includes(name))) {
        used.add(name);
        grew = true;
      }
    }
  }
  const typesUsed = (name) => {
    const base = name.slice('@types/'.length);
    const target = base.includes('__') ? `@${base.replace('__', '/')}` : base;
    return target === 'node' || used.has(target) || named(target) || named(name);
  };
  return declared.filter((name) => !used.has(name) && !(name.startsWith('@types/') && typesUsed(name)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '../..'));
  const unused = unusedDependencies(root);
  if (unused.length === 0) {
    console.log('No unused dependencies.');
  } else {
    console.error(`Declared in package.json but used by no file (remove them, or add to ALLOWED in ${fileURLToPath(import.meta.url)} with the reason):`);
    for (const name of unused) console.error(`  ${name}`);
    process.exit(1);
  }
}
