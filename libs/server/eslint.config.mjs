import baseConfig from '../../eslint.config.mjs';

/**
 * Folders of src/ whose specs are not yet held to the type-checked rules (issue 9): they read
 * TestApi bodies and raw rows as `any` (1,320 findings across the server's specs when the rules
 * were first switched on, most `response.body.x` and `dataSource.query` rows; 1,086 of them are in
 * the folders and files below). A folder leaves this list once its specs read answers with `bodyOf`/`errorOf`/
 * `errorPathsOf` (src/testing/answers.ts, parsed by the contracts' zod schemas) and their own SQL's
 * rows with `rowsOf<Row>`/`firstRowOf<Row>`. Every other folder, and all runtime code, is held to
 * every rule. intake also waits for the lead's changes there.
 */
const SPECS_NOT_YET_TYPED = ['http'];

/** Single specs still off in folders that are otherwise held to the rules. */
const SPEC_FILES_NOT_YET_TYPED = [];

export default [
  ...baseConfig,
  {
    files: [...SPECS_NOT_YET_TYPED.map((folder) => `src/${folder}/**/*.spec.ts`), ...SPEC_FILES_NOT_YET_TYPED],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-type-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-implied-eval': 'off',
    },
  },
];
