#!/usr/bin/env node
// The registry mirror our machines use serves only the linux-x64 builds of platform-specific
// optional packages (rollup, esbuild, lmdb, ...). npm then records an optional dependency edge
// without a lockfile entry, and `npm ci` refuses the lockfile ("Missing: ... from lock file").
// This removes those dangling optional edges so `npm ci` works. Run it after `npm install`.
// On another platform, regenerate the lockfile there instead (see README, "Dependencies").
import { readFileSync, writeFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const packages = lock.packages;

function resolves(fromPath, name) {
  // Node's resolution: look in nested node_modules first, then walk up to the root.
  let base = fromPath;
  for (;;) {
    const candidate = (base ? `${base}/` : '') + `node_modules/${name}`;
    if (packages[candidate]) return true;
    if (!base) return false;
    const index = base.lastIndexOf('/node_modules/');
    base = index === -1 ? '' : base.slice(0, index);
  }
}

let removed = 0;
for (const [path, entry] of Object.entries(packages)) {
  if (!entry.optionalDependencies) continue;
  for (const name of Object.keys(entry.optionalDependencies)) {
    if (!resolves(path, name)) {
      delete entry.optionalDependencies[name];
      removed += 1;
    }
  }
  if (Object.keys(entry.optionalDependencies).length === 0) delete entry.optionalDependencies;
}
writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n');
console.log(`Removed ${removed} optional dependency edges with no lockfile entry`);
