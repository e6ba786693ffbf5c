/**
 * Machine codes a 400's FieldError carries for the contracts' own checks (zod's issue code
 * otherwise), so a client can say it in the reader's language. Set on a custom issue as
 * `params.code`.
 */
export const FIELD_ERROR_CODES = {
  invalidText: 'invalid_text',
  dateOutOfRange: 'date_out_of_range',
  tooDeep: 'too_deep',
  required: 'required',
  unknownField: 'unknown_field',
} as const;

/**
 * A high surrogate not followed by a low one, or a low one not preceded by a high one. A loop, not
 * a regular expression with lookbehind: the web form runs this too, on older phones' browsers.
 */
function hasLoneSurrogate(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xdc00 && unit <= 0xdfff) return true;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    }
  }
  return false;
}

/**
 * Why a text cannot be stored, or null when it can. PostgreSQL refuses U+0000 in text and
 * jsonb, and a lone UTF-16 surrogate has no UTF-8 form (jsonb refuses its escape; text would
 * keep a replacement character instead of what was sent).
 */
export function unstorableText(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain a NUL character (\\u0000)';
  if (hasLoneSurrogate(value)) return 'must not contain a broken character (a lone UTF-16 surrogate)';
  return null;
}
