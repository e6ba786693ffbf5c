import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * The packet's embedded fonts: DejaVu Sans from the `dejavu-fonts-ttf` npm package (Latin, Greek,
 * Cyrillic, Arabic, Hebrew, Armenian, Georgian and more), so a handle such as `@сергей_77` prints
 * as itself and not as empty boxes. pdfkit embeds only the glyphs used.
 *
 * Resolved at run time through Node's own resolver (not webpack's: the built API keeps
 * node_modules external, as the Dockerfile installs them), from the working directory's
 * package.json, which is the repository in development and /app in the image.
 */
function resolveFont(file: string): string {
  const nodeRequire = createRequire(join(process.cwd(), 'package.json'));
  return nodeRequire.resolve(`dejavu-fonts-ttf/ttf/${file}`);
}

let fonts: { regular: Buffer; bold: Buffer } | undefined;

/** The font files, read once per process (about 1 MB together) rather than once per packet. */
export function packetFonts(): { regular: Buffer; bold: Buffer } {
  fonts ??= { regular: readFileSync(resolveFont('DejaVuSans.ttf')), bold: readFileSync(resolveFont('DejaVuSans-Bold.ttf')) };
  return fonts;
}
