#!/usr/bin/env node
/**
 * Lists `.query(` calls outside the places where raw SQL is allowed (issue 9, pinned):
 * `*.repository.ts`, migrations, the database infrastructure folder and test helpers.
 * A plain script rather than an ESLint rule: the rule is about file location, not syntax,
 * and a grep-like script is one obvious file that CI and a person can run without type info.
 *
 * Usage: node tools/check/no-raw-query.mjs [--strict]
 * Without --strict it prints the offenders and their count and exits 0; with --strict (CI and
 * `npm run lint`) any offender fails (exit 1).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const scanned = ['libs/server', 'apps/api', 'apps/worker'];
const strict = process.argv.includes('--strict');

/** Where raw SQL may live; paths are relative to the repository root, with `/`. */
function allowed(path) {
  return (
    path.endsWith('.repository.ts') ||
    path.startsWith('libs/server/src/database/') || // infrastructure: migrations, runner, prepared statements
    path.startsWith('libs/server/src/testing/') || // test helpers
    /\.(int\.)?spec\.ts$/.test(path) // tests set up and inspect rows directly
  );
}

function* tsFiles(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yield* tsFiles(full);
    else if (name.endsWith('.ts')) yield full;
  }
}

const offenders = [];
for (const top of scanned) {
  for (const file of tsFiles(join(root, top))) {
    const path = relative(root, file).split(sep).join('/');
    if (allowed(path)) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (line.includes('.query(')) offenders.push(`${path}:${index + 1}: ${line.trim()}`);
      });
  }
}

for (const offender of offenders) console.log(offender);
console.log(`${offenders.length} .query( call(s) outside repositories, migrations, database/ and test helpers`);
process.exit(strict && offenders.length > 0 ? 1 : 0);
