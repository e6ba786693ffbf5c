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
