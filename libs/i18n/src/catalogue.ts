/**
 * A catalogue is one JSON file per language (`catalogues/<language>.json`) of ICU MessageFormat
 * strings, nested by where they are read. Two top-level parts, checked differently:
 * - `person`: everything a person asking for help reads or receives (public pages, the plan,
 *   resources, nudges), in every language;
 * - `staff`: the dashboard, in the staff languages only.
 */
export interface Catalogue {
  readonly [key: string]: string | Catalogue;
}

export type FlatCatalogue = ReadonlyMap<string, string>;

export const SURFACES = ['person', 'staff'] as const;
export type Surface = (typeof SURFACES)[number];

/** `{ person: { home: { title: "…" } } }` becomes `person.home.title → "…"`. */
export function flattenCatalogue(catalogue: Catalogue, prefix = '', into = new Map<string, string>()): Map<string, string> {
  for (const [name, value] of Object.entries(catalogue)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (typeof value === 'string') into.set(key, value);
    else flattenCatalogue(value, key, into);
  }
  return into;
}
