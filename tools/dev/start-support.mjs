// Pure helpers for tools/dev/start.mjs, apart so they can be tested without starting anything.

/** The demo accounts the API seeds (libs/server/src/accounts/demo-accounts.ts). */
export const DEMO_EMAILS = ['admin@demo.test', 'supervisor@demo.test', 'caseworker@demo.test', 'caseworker2@demo.test'];
export const DEFAULT_DEMO_PASSWORD = 'demo-safeguard-2026';

/**
 * Whether the API will seed demo accounts, read the way its configuration does
 * (libs/server/src/config/app-config.ts): true/1/yes and false/0/no; empty or unset means
 * "outside production only". Any other value stops the API at start-up, so nothing is seeded.
 */
export function demoSeedEnabled(env) {
  const value = env.DEMO_SEED;
  if (value === undefined || value === '') return (env.NODE_ENV || 'development') !== 'production';
  if (['true', '1', 'yes'].includes(value)) return true;
  return false;
}

/** A connection URL fit to print: any password replaced by `***` (and unparseable text hidden). */
export function redactUrl(text) {
  try {
    const url = new URL(text);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(not a valid URL)';
  }
}

/**
 * What to tell a person about the demo password, from what is in the database. The API seeds
 * accounts that are missing and never changes existing ones (a password an admin changed stays
 * changed), so DEMO_PASSWORD is only true for accounts that still have it.
 *   accounts: [{ email, matches }] for the demo accounts that exist and are active.
 */
export function demoPasswordLines(accounts, password) {
  if (accounts.length === 0) return [];
  const matching = accounts.filter((account) => account.matches).map((account) => account.email);
  const others = accounts.filter((account) => !account.matches).map((account) => account.email);
  const lines = [];
  if (matching.length) {
    lines.push(`  Sign in as ${matching.join(', ')}`);
    lines.push(`  Password:    ${password} (the DEMO_PASSWORD setting)`);
  }
  if (others.length) {
    lines.push(`  ${others.join(', ')} already existed with another password (changed since, or created with another DEMO_PASSWORD).`);
    lines.push('  Demo accounts are only ever created, never updated: sign in with that password, or have an admin reset it.');
  }
  return lines;
}
