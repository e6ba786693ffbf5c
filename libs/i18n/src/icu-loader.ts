import type { IcuCompiler } from './translator';

/**
 * The ICU runtime as a chunk of its own, for the browser: only pages whose words have plurals or
 * choices load it (the front door does not). The server imports `compileIcu` directly.
 */
export function loadIcuCompiler(): Promise<IcuCompiler> {
  return import('./icu').then((icu) => icu.compileIcu);
}
