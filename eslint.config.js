import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Every folder under src/features is a zone that must not import the others.
const featureZones = readdirSync(new URL('./src/features', import.meta.url), {
  withFileTypes: true,
})
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

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
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The ML layer is plain TypeScript + TensorFlow.js: it runs in workers and tests.
    files: ['src/ml/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'recharts'],
              message: 'src/ml must not import UI libraries.',
            },
            {
              group: [
                '**/features/**',
                '**/app/**',
                '**/components/**',
                '**/hooks/**',
                '**/i18n/**',
                '**/worker/**',
              ],
              message: 'src/ml must not import UI or worker code.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'document', 'window'],
    },
  },
  // A feature folder may not import another feature folder.
  ...featureZones.map((zone) => ({
    files: [`src/features/${zone}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: featureZones
                .filter((z) => z !== zone)
                .flatMap((z) => [
                  `../${z}`,
                  `../${z}/**`,
                  `**/features/${z}`,
                  `**/features/${z}/**`,
                ]),
              message:
                'Feature folders must not import each other; move shared code to components/ or hooks/.',
            },
            { group: ['**/app/**'], message: 'Features must not import the app shell.' },
          ],
        },
      ],
    },
  })),
);
