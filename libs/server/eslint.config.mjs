import baseConfig from '../../eslint.config.mjs';

/**
 * Every spec, like all runtime code, is held to every type-checked rule (issue 9): specs read
 * TestApi answers with `bodyOf`/`errorOf`/`errorPathsOf` (src/testing/answers.ts, parsed by the
 * contracts' zod schemas) and their own SQL's rows with `rowsOf<Row>`/`firstRowOf<Row>`.
 */
export default [...baseConfig];
