import { flattenCatalogue, Translator } from '@sg/i18n';
import { CATALOGUES, compileIcu } from '@sg/i18n/server';
import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { describeWait, retryAfterSeconds, toHttpProblem } from './http-problem';

/** What the person reads in English: the keys and parameters said through the English catalogue. */
const en = new Translator('en', flattenCatalogue(CATALOGUES.en), { icu: compileIcu });

describe('toHttpProblem', () => {
  it('reads the field errors of a 400', () => {
    const error = new HttpErrorResponse({
      status: 400,
      error: { statusCode: 400, error: 'Bad Request', message: 'Invalid', errors: [{ path: 'country', message: 'is required' }] },
    });
    expect(toHttpProblem(error)).toEqual({ kind: 'invalid', errors: [{ path: 'country', message: 'is required' }] });
  });

  it('honours Retry-After on a 429, in seconds or as a date', () => {
    const seconds = new HttpErrorResponse({ status: 429, headers: new HttpHeaders({ 'Retry-After': '17' }) });
    expect(toHttpProblem(seconds)).toEqual({ kind: 'rate-limited', retryAfterSeconds: 17 });
    expect(retryAfterSeconds(new Date(1_000_000 + 90_000).toUTCString(), 1_000_000)).toBe(90);
    expect(retryAfterSeconds(null)).toBe(30);
  });

  it('treats no answer at all, and proxy errors, as worth retrying', () => {
    expect(toHttpProblem(new HttpErrorResponse({ status: 0 }))).toEqual({ kind: 'unreachable' });
    expect(toHttpProblem(new HttpErrorResponse({ status: 502 }))).toEqual({ kind: 'unreachable' });
    expect(toHttpProblem(new HttpErrorResponse({ status: 413 }))).toEqual({ kind: 'too-large' });
    expect(toHttpProblem(new HttpErrorResponse({ status: 404 }))).toEqual({ kind: 'not-found' });
    expect(toHttpProblem(new HttpErrorResponse({ status: 409 }))).toEqual({ kind: 'busy' });
    expect(toHttpProblem(new HttpErrorResponse({ status: 422 }))).toEqual({ kind: 'key-reused' });
  });

  it('says waits in words', () => {
    expect(en.text(describeWait(1))).toBe('1 second');
    expect(en.text(describeWait(45))).toBe('45 seconds');
    expect(en.text(describeWait(61))).toBe('2 minutes');
    expect(describeWait(61)).toEqual({ key: 'person.intake.wait.minutes', params: { count: 2 } });
  });
});
