import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The Apps Script services: only src/main.ts may name them (everything else receives them as arguments). */
const APPS_SCRIPT_GLOBALS = [
  'SpreadsheetApp',
  'DocumentApp',
  'DriveApp',
  'Drive',
  'Docs',
  'HtmlService',
  'PropertiesService',
  'LockService',
  'CacheService',
  'Session',
  'ScriptApp',
  'Utilities',
  'MailApp',
  'GmailApp',
  'UrlFetchApp',
  'CalendarApp',
  'Browser',
  'Logger',
  'ContentService',
  'CardService',
].map((name) => ({
  name,
  message: `Only src/main.ts names Apps Script globals: take ${name} from the Services it passes in.`,
}));

/** Nothing outside test/ may depend on the tests. */
const NO_TEST_IMPORTS = {
  group: ['**/test', '**/test/**', '!./test/**'],
  message: 'Only tests import from test/: move what you need into the package that owns it.',
};

const restrictedImports = (...patterns) => ['error', { patterns: [NO_TEST_IMPORTS, ...patterns] }];

export default tseslint.config(
  { ignores: ['node_modules/', 'build/', 'preview-dist/', 'test-artifacts/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['test/**/*.ts', 'runtime/**/*.ts', 'preview/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  // ---- Layers (ARCHITECTURE.md). The TypeScript projects give each layer only its own platform types; these
  // rules say which layer may import which.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/main.ts'],
    rules: { 'no-restricted-globals': ['error', ...APPS_SCRIPT_GLOBALS] },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrictedImports({
        group: [
          '**/sheets/**',
          '**/docs/**',
          '**/ui/**',
          '**/sidebar/**',
          '**/main',
          '**/functions',
          'node:*',
        ],
        message: 'src/core is pure: it imports nothing from the adapters, the sidebar or Node.',
      }),
      // Core never reads the clock or chance: callers pass `now` in, so every result can be tested.
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'src/core never reads the clock: take `now` as an argument.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'src/core never reads the clock: take `now` as an argument.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'src/core is deterministic: take randomness as an argument.',
        },
      ],
    },
  },
  {
    // What the sidebar imports as values: zod-free, and importing nothing that could bring zod along.
    files: ['src/core/labels.ts', 'src/core/format.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrictedImports({
        regex: '^(?!\\./(labels|format)$)',
        message:
          'core/labels and core/format are imported by the sidebar page: they import nothing but each other.',
      }),
    },
  },
  {
    // Browser code builds the DOM from text nodes: user text never becomes HTML or code.
    files: ['src/sidebar/**/*.ts', 'preview/page/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...[
          'innerHTML',
          'outerHTML',
          'insertAdjacentHTML',
          'write',
          'writeln',
          'createContextualFragment',
        ].map((property) => ({
          property,
          message: 'Build the DOM with text nodes (src/sidebar/dom.ts): never parse data as HTML.',
        })),
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['src/sidebar/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrictedImports(
        {
          group: ['zod', 'zod/*'],
          message: 'zod stays out of the browser bundle: the server parses every payload.',
        },
        {
          group: ['**/core/**', '!**/core/labels', '!**/core/format'],
          allowTypeImports: true,
          message:
            'The sidebar takes only types from core, and values from the zod-free core/labels and core/format modules, so zod stays out of the page.',
        },
        {
          group: ['**/sheets/**', '**/docs/**', '**/ui/**', '**/main', '**/functions'],
          message: 'The sidebar runs in the browser: it talks to the server through google.script.run only.',
        },
      ),
    },
  },
  {
    files: ['src/sheets/**/*.ts', 'src/docs/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrictedImports({
        group: ['**/ui/**', '**/sidebar/**', '**/main'],
        message: 'The sheet and document adapters do not depend on the UI layer.',
      }),
    },
  },
  {
    files: ['src/ui/**/*.ts', 'src/functions.ts', 'src/main.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrictedImports({
        group: ['**/sidebar/**'],
        message: 'The server does not import the browser code: both share the contract in src/core.',
      }),
    },
  },
  {
    files: ['runtime/**/*.ts', 'preview/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['runtime/test/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrictedImports({
        group: ['**/runtime/*', '!**/runtime/a1', '!**/runtime/index'],
        message: "Use the runtime's public API (runtime/index.ts; runtime/a1.ts in the browser).",
      }),
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/runtime/*', '!**/runtime/a1', '!**/runtime/index'],
              message:
                "Use the runtime's public API (runtime/index.ts); its internals are tested in runtime/test.",
            },
          ],
        },
      ],
    },
  },
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
      },
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
