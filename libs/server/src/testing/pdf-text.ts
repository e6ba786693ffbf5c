import * as z from 'zod';
import { execFile } from 'node:child_process';

/** pdf-parse, run in plain Node: its pdf.js worker is loaded by a dynamic import, which Jest's VM refuses. */
const READ_PDF = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const result = await new PDFParse({ data: Buffer.concat(chunks) }).getText();
  process.stdout.write(JSON.stringify({ text: result.text, pages: result.total }));
});`;

/** The text of a PDF and its page count, read back with an npm PDF parser (pdf-parse), not a system tool. */
export function pdfText(pdf: Buffer): Promise<{ text: string; pages: number }> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['-e', READ_PDF], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      if (error) return reject(error instanceof Error ? error : new Error('The PDF reader failed'));
      resolve(z.object({ text: z.string(), pages: z.number() }).parse(JSON.parse(stdout)));
    });
    child.stdin?.end(pdf);
  });
}

/**
 * The fonts a PDF embeds: the name in each font descriptor that carries a font file (FontFile,
 * FontFile2 for TrueType, FontFile3 for CFF), without pdfkit's subset tag (`ABCDEF+`). pdfkit writes
 * these dictionaries uncompressed, so they are read from the bytes.
 */
export function embeddedFonts(pdf: Buffer): string[] {
  const descriptors = pdf.toString('latin1').match(/<<[^<>]*\/Type \/FontDescriptor[^<>]*>>/g) ?? [];
  return descriptors
    .filter((descriptor) => /\/FontFile[23]? \d+ 0 R/.test(descriptor))
    .map((descriptor) => /\/FontName \/(?:[A-Z]{6}\+)?([^\s/]+)/.exec(descriptor)?.[1] ?? '')
    .filter(Boolean);
}
