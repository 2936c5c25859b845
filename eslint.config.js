import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The one-way import graph (STYLE.md rule 13), checked on resolved paths, so relative, aliased and
// dynamic imports are all caught: app → features → state/components/i18n → worker → ml.
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const shared = ['src/state', 'src/components', 'src/i18n'];
const zones = [
  ...[...shared, 'src/worker'].map((target) => ({
    target,
    from: ['src/features', 'src/app'],
    message: `${target} sits below the panels: it must not import src/features or src/app.`,
  })),
  {
    target: 'src/worker',
    from: shared,
    message: 'The worker runs apart from the page: it imports src/ml and its own files only.',
  },
  {
    target: 'src/ml',
    from: '.',
    except: ['./src/ml', './node_modules'],
    message: 'src/ml stands alone (it runs in the worker, tests and bench): import only src/ml.',
  },
  {
    target: 'src/features',
    from: 'src/app',
    message: 'Features must not import the app shell.',
  },
  ...features.map((feature) => ({
    target: `src/features/${feature}`,
    from: 'src/features',
    except: [`./${feature}`],
    message:
      'Feature folders must not import each other; move shared code to components/, state/ or ml/.',
  })),
];

const uiLibraries = ['react', 'react/*', 'react-dom', 'react-dom/*', 'recharts', 'recharts/*'];
// Browser globals the ML layer must be handed by its caller, so it runs the same in a page, a
// worker and Node.
const browserGlobals = [
  'localStorage',
  'sessionStorage',
  'location',
  'navigator',
  'document',
  'window',
];
const globalMessage =
  'src/ml runs in pages, workers and Node: take what you need from the browser as a parameter.';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'bench/out'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: globals.node } },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver()],
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        { basePath: fileURLToPath(new URL('.', import.meta.url)), zones },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The ML layer is plain TypeScript + TensorFlow.js: it runs in workers, tests and the bench.
    files: ['src/ml/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: uiLibraries, message: 'src/ml must not import UI libraries.' }] },
      ],
      'no-restricted-globals': [
        'error',
        ...browserGlobals.map((name) => ({ name, message: globalMessage })),
      ],
      // The same globals reached through globalThis or self, cast or not.
      'no-restricted-syntax': [
        'error',
        {
          selector: `MemberExpression:matches([object.name=/^(globalThis|self)$/], [object.expression.name=/^(globalThis|self)$/])[property.name=/^(${browserGlobals.join('|')})$/]`,
          message: globalMessage,
        },
      ],
    },
  },
  {
    files: ['src/worker/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: uiLibraries,
              message: 'The worker has no UI: no React, react-dom or recharts.',
            },
          ],
        },
      ],
    },
  },
);
