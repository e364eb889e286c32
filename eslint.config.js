import path from 'node:path';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/*
 * The layers (see ARCHITECTURE.md): renderer → contract ← api (dispatch, handlers) → services
 * → db. A layer may import the layers below it and the leaves, never one above it.
 * Paths are relative to this folder; an `except` entry is relative to its zone's `from`.
 */
/** Leaves of electron/: the contract, the error and its message catalogue, the logger interface, paths. */
const ELECTRON_LEAVES = [
  './api/contract',
  './api/errors.ts',
  './api/messages.ts',
  './api/messages-analytics.ts',
  './api/messages-desktop.ts',
  './api/messages-export.ts',
  './api/messages-import.ts',
  './api/messages-password.ts',
  './api/messages-workbook.ts',
  './api/message-format.ts',
  './api/localize-issues.ts',
  './api/logger.ts',
  './paths.ts',
];
const UP = 'imports upward: see the layers in ARCHITECTURE.md.';
const LAYER_ZONES = [
  {
    target: 'renderer',
    from: ['electron', 'db', 'bench', 'scripts', 'test'],
    except: ['./api/contract'],
    message: `The renderer reaches the main process only through api.call and the contract's types; it ${UP}`,
  },
  {
    target: ['electron', 'db', 'kernel', 'bench'],
    from: 'renderer',
    message: `The main process and the kernel never import the renderer; this ${UP}`,
  },
  {
    target: 'kernel',
    from: ['electron', 'db', 'bench', 'test'],
    message: 'kernel/ modules import only other kernel/ modules.',
  },
  {
    target: 'electron/api/contract',
    from: 'electron',
    // The contract names the analytics engine's result types (type-only, checked below).
    except: ['./api/contract', './analytics'],
    message: `The contract is a leaf: it imports only kernel/ and the analytics engine's types; this ${UP}`,
  },
  {
    target: 'electron/api/contract',
    from: 'db',
    message: `The contract is a leaf; this ${UP}`,
  },
  {
    target: 'electron/analytics',
    from: ['electron', 'db'],
    except: ['./analytics'],
    message: 'The analytics engine is pure (arrays in, objects out): it imports only kernel/.',
  },
  {
    target: 'db',
    from: 'electron',
    // moves to kernel/repeat.ts (helper kernel)
    except: [...ELECTRON_LEAVES, './services/repeat.ts'],
    message: `db/ imports only the leaves from electron/ (contract, errors, messages); it ${UP}`,
  },
  {
    target: 'electron/services',
    from: 'electron',
    except: [...ELECTRON_LEAVES, './services', './analytics'],
    message: `Services import db/, the analytics engine and the leaves, not the api or the shell; this ${UP}`,
  },
  {
    target: 'electron/api',
    from: 'electron',
    except: [...ELECTRON_LEAVES, './api', './services', './analytics'],
    message: `The api (dispatch, handlers) imports services, db/ and the leaves, not the shell; this ${UP}`,
  },
];

/**
 * The layer rules for a tree rooted at `root`: the zones above, and SQL only in db/. Applied to
 * the project, and to the small tree in test/fixtures/lint/ that the lint test checks them on
 * (left out of the normal run, since it breaks them on purpose).
 */
function layerRules(root) {
  const at = (glob) => (root === '.' ? glob : `${root}/${glob}`);
  return [
    {
      files: [at('**/*.{ts,tsx}')],
      rules: {
        'import-x/no-restricted-paths': [
          'error',
          { basePath: path.resolve(import.meta.dirname, root), zones: LAYER_ZONES },
        ],
      },
    },
    {
      // SQL lives in db/ (db/queries/ for reads and writes): the layers above call named
      // queries. electron/services/workbook/ opens, keys and copies the workbook file itself
      // (PRAGMA key, VACUUM INTO), so it may touch the connection.
      files: [at('electron/**/*.ts')],
      ignores: [at('electron/services/workbook/**')],
      rules: {
        'no-restricted-syntax': [
          'error',
          {
            selector: 'MemberExpression[property.name=/^(sqlite|db)$/]',
            message: 'SQL lives in db/queries/: call a named query instead of the connection.',
          },
        ],
      },
    },
  ];
}

const LINT_FIXTURES = 'test/fixtures/lint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'native/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'scripts/**',
      'db/migrations/**',
      'eslint.config.js',
      `${LINT_FIXTURES}/**`,
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.web.json', './tsconfig.e2e.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.e2e.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-expect-error': 'allow-with-description' },
      ],
      'import-x/no-cycle': 'error',
      // Only the Electron shell and its thin adapter may import electron (see ARCHITECTURE.md).
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message:
                'Only electron/main.ts, electron/preload.ts and electron/desktop-ui.ts import electron.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main.ts', 'electron/preload.ts', 'electron/desktop-ui.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer talks to the main process only through the api client (types from the contract).
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer reaches the main process only through api.call.',
            },
          ],
          patterns: [
            {
              group: ['**/db/**', '**/electron/api/handlers/**', 'node:*'],
              message: 'The renderer imports only types from the contract.',
            },
          ],
        },
      ],
    },
  },
  {
    // The domain kernel: pure leaf modules (numbers and money, local dates, phones, e-mails, the
    // standard field list) shared by the renderer and the main process. No Node, DOM, zod or app
    // imports, so either side can load them and the renderer bundle stays small.
    files: ['kernel/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'zod', 'react', 'i18next'].map((name) => ({
            name,
            message: 'kernel/ modules are pure: no app, Node, DOM or validation-library imports.',
          })),
          patterns: [
            {
              group: ['node:*', '**/electron/**', '**/db/**', '**/renderer/**', '**/bench/**'],
              message: 'kernel/ modules import only other kernel/ modules.',
            },
          ],
        },
      ],
    },
  },
  ...layerRules('.'),
  ...layerRules(LINT_FIXTURES),
  {
    // The contract names the analytics engine's result types, never its code.
    files: ['electron/api/contract/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/analytics/**'],
              allowTypeImports: true,
              message: 'The contract takes only types from the analytics engine (import type).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', 'no-empty-pattern': 'off' },
  },
);
