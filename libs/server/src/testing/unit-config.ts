import { AppConfig, loadConfig } from '../config/app-config';

/**
 * A whole configuration for unit specs, parsed by the real `loadConfig` (nothing connects to the
 * URL), with what the spec is about in `overrides`, instead of `{ ... } as AppConfig`. Imported
 * from this file, not the testing index, so a unit spec loads no Nest app or database helper.
 */
export function unitConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return { ...loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://127.0.0.1:5432/unit_spec', LOG_LEVEL: 'silent' }), ...overrides };
}
