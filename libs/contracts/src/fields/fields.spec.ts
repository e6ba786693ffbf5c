import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type * as z from 'zod';
import { dateTime } from './date-time';
import { text } from './text';

/** The code our own refinements put in a custom issue's params (zod's own issues have none). */
function paramsCode(issue: z.core.$ZodIssue): unknown {
  return issue.code === 'custom' ? issue.params?.['code'] : undefined;
}

describe('text()', () => {
  const schema = text().trim().max(10);

  it('refuses a NUL character and lone surrogates, with the invalid_text code, once', () => {
    for (const bad of ['a\u0000b', 'a\ud800', '\udc00a', 'x\ud83d']) {
      const result = schema.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => [issue.code, paramsCode(issue)])).toEqual([['custom', 'invalid_text']]);
    }
  });

  it('keeps everything else: accents, other scripts, emoji (a well-formed surrogate pair), trimming as before', () => {
    for (const good of ['Café', '他说要发出去', '🙏 ok', '  padded  ']) expect(schema.safeParse(good)).toMatchObject({ success: true, data: good.trim() });
  });
});

describe('dateTime()', () => {
  it.each(['2000-01-01T00:00:00Z', '2026-11-23T18:00:00+08:00', '2099-12-31T23:59:59.999Z'])('accepts %s', (value) => {
    expect(dateTime().safeParse(value).success).toBe(true);
  });

  it.each(['0000-01-01T00:00:00Z', '1999-12-31T23:59:59Z', '2100-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2000-01-01T00:00:00+01:00'])(
    'refuses %s as out of range',
    (value) => {
      const result = dateTime().safeParse(value);
      expect(result.error?.issues.map(paramsCode)).toEqual(['date_out_of_range']);
    },
  );

  it('leaves a value that is not a date to the format check', () => {
    expect(
      dateTime(() => 'must be a date')
        .safeParse('soon')
        .error?.issues.map((issue) => issue.message),
    ).toEqual(['must be a date']);
  });
});

/** Files under `dir`, recursively. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('the request contracts', () => {
  // Answers are written by the server, not sent to it: their schemas only document them. Answer
  // schemas live in files named `*-response.ts` / `*-responses.ts` (issue 9), and only there.
  const RESPONSE_ONLY = ['errors/validation-error.ts', 'intake/intake-response.ts'];
  const isResponseOnly = (path: string) => RESPONSE_ONLY.some((file) => path.endsWith(file)) || /-responses?\.ts$/.test(path);

  it('build every text field with text() and every date-time with dateTime(), never bare z.string() or z.iso.datetime()', () => {
    const root = join(__dirname, '..');
    const offenders = sources(root)
      .filter((path) => !path.includes(`${join(root, 'fields')}`) && !isResponseOnly(path))
      .flatMap((path) => (/\bz\s*\.\s*(string|iso)\b/.test(readFileSync(path, 'utf8')) ? [path.slice(root.length + 1)] : []));
    expect(offenders).toEqual([]);
  });
});
