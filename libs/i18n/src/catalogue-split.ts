import type { Catalogue } from './catalogue';

/**
 * What the browser loads of a catalogue: one part (`person` or `staff`) of one language, as its
 * own file. Bundlers do not reliably drop the unused half of an imported JSON, and a person's
 * phone should not download the dashboard's words, so the parts are written out from the
 * catalogues by `node tools/i18n/split-catalogues.mjs` into `catalogues/browser/`, and a test
 * fails when they no longer match. The nudges' words stay on the server.
 */
export const SERVER_ONLY_SECTIONS: Readonly<Record<string, readonly string[]>> = { person: ['nudge'], staff: ['packetDocument'] };

export function browserPart(catalogue: Catalogue, part: 'person' | 'staff'): Catalogue {
  const whole = catalogue[part];
  if (whole === undefined || typeof whole === 'string') return { [part]: {} };
  const kept = Object.fromEntries(Object.entries(whole).filter(([section]) => !(SERVER_ONLY_SECTIONS[part] ?? []).includes(section)));
  return { [part]: kept };
}

/** The file a part is written to, e.g. `person-ms.json`. */
export function browserPartFile(part: 'person' | 'staff', language: string): string {
  return `${part}-${language}.json`;
}
