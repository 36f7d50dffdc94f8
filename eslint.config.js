// Lint: typescript-eslint's type-aware recommended rules over the whole project (npm test runs it); Prettier formats,
// and no line may be longer than Prettier's width (long strings are split, long comments wrapped).
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from './.prettierrc.json' with { type: 'json' };

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'test/screenshots/', '.vite/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@stylistic': stylistic },
    rules: {
      '@stylistic/max-len': ['error', { code: prettier.printWidth, tabWidth: 2, ignoreUrls: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
