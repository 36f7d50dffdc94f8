// Lint: typescript-eslint's type-aware recommended rules over the whole project (npm test runs it); Prettier formats,
// and no line may be longer than Prettier's width (long strings are split, long comments wrapped).
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import globals from 'globals';
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
      // `_`-named bindings are deliberate: a rest sibling left out, an argument a signature requires.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // An async method that implements a Promise interface synchronously (SQLite behind the Storage interface, a
      // transport's close) is still right to be async: a throw becomes a rejection, as callers expect.
      '@typescript-eslint/require-await': 'off',
      'prefer-const': ['error', { destructuring: 'all' }],
    },
  },
  {
    // Issue 15's sizes: a server file over ~400 lines or a function over ~60 has more than one reason to change.
    files: ['server/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    // Lit binds `this` of a template's @event listeners to the element (lit.dev, "Adding event listeners"), so
    // `@click=${this.onClick}` is not an unbound method.
    files: ['client/src/**/*.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // Tests read replies as untyped JSON (fetch's json(), socket acks) and check them with expect(): the assertion is
    // the type check there, so the no-unsafe-* family would only ask for casts that prove nothing.
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
