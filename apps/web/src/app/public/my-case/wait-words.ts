import type { Translatable } from '@sg/domain';

/**
 * How long to wait, as the catalogue says it ("20 seconds", "2 minutes", "2 minit", "2 minutos"):
 * the same rounding as describeWait, as a key and parameters so each language words it.
 */
export function waitWords(seconds: number): Translatable {
  return seconds < 60
    ? { key: 'person.myCase.wait', params: { unit: 'second', count: seconds } }
    : { key: 'person.myCase.wait', params: { unit: 'minute', count: Math.ceil(seconds / 60) } };
}
