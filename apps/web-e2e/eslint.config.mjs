import playwright from 'eslint-plugin-playwright';
import tseslint from 'typescript-eslint';
import baseConfig from '../../eslint.config.mjs';

export default [
  playwright.configs['flat/recommended'],
  ...baseConfig,
  {
    files: ['**/*.ts', '**/*.js'],
    // Override or add rules here
    rules: {},
  },
  {
    // The browser tests are outside issue 9's typed-lint step (the apps and libs are in it):
    // Playwright answers `any` from response.json(), 23 findings left to type.
    files: ['**/*.ts'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      parserOptions: { ...tseslint.configs.disableTypeChecked.languageOptions?.parserOptions, tsconfigRootDir: import.meta.dirname },
    },
  },
];
