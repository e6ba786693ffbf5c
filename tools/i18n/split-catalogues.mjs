#!/usr/bin/env node
// Writes what the browser loads of each catalogue (libs/i18n/src/catalogues/browser/<part>-<language>.json)
// from the catalogues themselves. Run it after editing a catalogue; `npm test` fails until you do.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const DIR = 'libs/i18n/src/catalogues';
const PARTS = { person: ['en', 'ms', 'es'], staff: ['en', 'ms'] };
// Mirrors SERVER_ONLY_SECTIONS in libs/i18n/src/catalogue-split.ts (the test compares the files).
const SERVER_ONLY = { person: ['nudge'], staff: ['packetDocument'] };

mkdirSync(join(DIR, 'browser'), { recursive: true });
// Same order as the catalogue, no spaces: these files are what a phone downloads.
for (const [part, languages] of Object.entries(PARTS)) {
  for (const language of languages) {
    const catalogue = JSON.parse(readFileSync(join(DIR, `${language}.json`), 'utf8'));
    const kept = Object.fromEntries(Object.entries(catalogue[part] ?? {}).filter(([section]) => !(SERVER_ONLY[part] ?? []).includes(section)));
    writeFileSync(join(DIR, 'browser', `${part}-${language}.json`), `${JSON.stringify({ [part]: kept })}\n`);
  }
}
console.log('wrote', join(DIR, 'browser'));
