import type { TranslatableParams } from '@sg/domain';

/**
 * What words built outside a template need: the `I18n` service or a `Translator` (specs and
 * plain functions take either, so they can be tested without Angular).
 */
export interface Speaks {
  t(key: string, params?: TranslatableParams): string;
}
