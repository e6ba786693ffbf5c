import {
  ParsedTemplate,
  TmplAstBoundText,
  TmplAstRecursiveVisitor,
  TmplAstText,
  TmplAstTextAttribute,
  parseTemplate,
  tmplAstVisitAll,
  Interpolation,
  ASTWithSource,
} from '@angular/compiler';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The extraction check: a template may not hold words a person or staff member reads unless they
 * come from the catalogues (`{{ 'key' | t }}`). It parses every template in the folders below
 * (inline `template:` and `.html` files) and lists any text node, interpolation text or
 * user-facing attribute (`aria-label`, `placeholder`, `title`, `alt`, `label`) with letters in it.
 * Folders join the list as they are translated; the public pages are all in it.
 */
const APP = join(__dirname, '..', '..');
const CHECKED_FOLDERS = [
  'public',
  'staff/case',
  'staff/shell',
  'staff/auth',
  'staff/queues',
  'staff/admin',
  'staff/supervision',
  'staff/trends',
  'staff/intake',
  'staff/live',
  'staff/keyboard',
  'system/status',
];
const USER_FACING_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'placeholder', 'title', 'alt', 'label', 'mattooltip']);
/** Text that is the same in every language: symbols and the like. Keep it short. */
const ALLOWED = new Set<string>([]);

const hasWords = (text: string) => /\p{L}/u.test(text) && !ALLOWED.has(text.trim());

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(ts|html)$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Inline templates: the backtick string after `template:` (ours never hold nested backticks). */
function templatesIn(path: string): string[] {
  const source = readFileSync(path, 'utf8');
  if (path.endsWith('.html')) return [source];
  return [...source.matchAll(/\btemplate:\s*`([\s\S]*?)`/g)].map((match) => match[1] ?? '');
}

class WordsFinder extends TmplAstRecursiveVisitor {
  readonly found: string[] = [];

  override visitText(text: TmplAstText): void {
    if (hasWords(text.value)) this.found.push(text.value.trim());
  }

  override visitBoundText(text: TmplAstBoundText): void {
    const ast: unknown = text.value instanceof ASTWithSource ? text.value.ast : text.value;
    if (ast instanceof Interpolation) for (const piece of ast.strings) if (hasWords(piece)) this.found.push(piece.trim());
  }

  override visitTextAttribute(attribute: TmplAstTextAttribute): void {
    if (USER_FACING_ATTRIBUTES.has(attribute.name.toLowerCase()) && hasWords(attribute.value)) this.found.push(`${attribute.name}="${attribute.value}"`);
  }
}

export function untranslatedText(template: string, url: string): string[] {
  const parsed: ParsedTemplate = parseTemplate(template, url, { preserveWhitespaces: false });
  if (parsed.errors?.length) throw new Error(`${url}: ${parsed.errors.map((error) => error.msg).join('; ')}`);
  const finder = new WordsFinder();
  tmplAstVisitAll(finder, parsed.nodes);
  return finder.found;
}

describe('templates hold no words that are not in the catalogues', () => {
  it('finds words in text, interpolations and user-facing attributes (the check itself)', () => {
    expect(
      untranslatedText(`<p>Hello</p><p>{{ 'k' | t }}</p><b>{{ n }} cases</b><input placeholder="Name" [attr.aria-label]="'k' | t" /> <i>·</i>`, 'x.html'),
    ).toEqual(['Hello', 'cases', 'placeholder="Name"']);
    expect(untranslatedText(`@if (a) { <span>Yes</span> } @else { {{ 'k' | t }} } @for (x of xs; track x) { <em>{{ x }}</em> }`, 'y.html')).toEqual(['Yes']);
  });

  for (const folder of CHECKED_FOLDERS) {
    it(`in ${folder}/`, () => {
      const problems = filesUnder(join(APP, folder)).flatMap((path) =>
        templatesIn(path).flatMap((template) => untranslatedText(template, path).map((words) => `${relative(APP, path)}: ${words}`)),
      );
      expect(problems).toEqual([]);
    });
  }
});
