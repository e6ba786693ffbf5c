import { IntlMessageFormat } from 'intl-messageformat';
import type { IcuCompiler, MessageParams } from './translator';

/**
 * The ICU runtime, for messages with plurals and selects. Its own entry point (`@sg/i18n/icu`)
 * so the browser loads it only when a page needs it (the front door does not).
 */
export const compileIcu: IcuCompiler = (source, locale) => {
  // Tags are not markup here: a catalogue string is text, and the UI escapes it.
  const message = new IntlMessageFormat(source, locale, undefined, { ignoreTag: true });
  return {
    format: (params?: MessageParams) => {
      const formatted = message.format(params);
      return typeof formatted === 'string' ? formatted : String(formatted);
    },
  };
};
