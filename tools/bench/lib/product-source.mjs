// The product's own TypeScript, loaded straight from the source (jiti), so a bench runs exactly the
// SQL and job options production does instead of a copy that could drift.
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const jiti = createJiti(import.meta.url, {
  alias: {
    '@sg/contracts/schemas': `${root}libs/contracts/src/schemas.ts`,
    '@sg/contracts': `${root}libs/contracts/src/index.ts`,
    '@sg/domain': `${root}libs/domain/src/index.ts`,
  },
});

/** A module of the repository by its path from the repository root, e.g. `libs/server/src/queue/job-options.ts`. */
export function importSource(path) {
  return jiti.import(`${root}${path}`);
}

/** The statement a repository method sends (`call` is given a stand-in database that records it and answers no rows). */
export async function captureStatement(call) {
  let statement;
  await call({ query: async (text, params) => ((statement = { text, params }), []) });
  if (!statement) throw new Error('The repository method sent no statement');
  return statement;
}
