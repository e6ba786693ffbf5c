/**
 * Words below the user interface are keys, not sentences: the domain says *what* to tell the
 * person (a catalogue key and its parameters) and the web app or the server says it in the
 * reader's language, through the catalogues in `@sg/i18n`.
 */
export type TranslatableParams = Readonly<Record<string, string | number>>;

export interface Translatable {
  /** A key in the catalogues, such as `person.plan.do_not_pay.title`. */
  readonly key: string;
  readonly params?: TranslatableParams;
}

export function translatable(key: string, params?: TranslatableParams): Translatable {
  return params ? { key, params } : { key };
}
