import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // The contracts load in the browser: `import { z }` drags all of zod (locales included) into
    // the public pages' bundle, `import * as z` lets the bundler keep only what is used.
    files: ['**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']",
          message: "Use `import * as z from 'zod'` so browser bundles keep only what they use.",
        },
      ],
    },
  },
];
