// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The folders of src/ that build on the engine (and the public API): the engine and versions never import them. */
const ABOVE_ENGINE = [
  '../change/*',
  '../scenarios/*',
  '../cli/*',
  '../server/*',
  '../impact/*',
  '../workflow/*',
  '../bundle/*',
  '../runtime/*',
  '../api/*',
  '../istandaard/*',
  '../index.js',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    // The language stays pure: no platform, no editor, no UI libraries.
    files: ['dsl/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '**/src/**',
            '**/editor/**',
            'monaco-editor',
            'monaco-editor/*',
            'react',
            'react-dom',
            'json-rules-engine',
            'decimal.js',
          ],
        },
      ],
    },
  },
  {
    // One direction inside the front end: dsl/ast builds on dsl/syntax (the CST), never the other way round.
    files: ['dsl/syntax/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/**', '**/editor/**', 'monaco-editor', 'monaco-editor/*', 'react', 'react-dom'],
            },
            { group: ['json-rules-engine', 'decimal.js'] },
            {
              group: ['../ast/*', '../check/*', '../ir/*', '../service/*', '../compile.js', '../index.js'],
              message:
                'dsl/syntax/ importeert niets uit de latere stappen: dsl/ast bouwt op de syntaxis, niet andersom.',
            },
          ],
        },
      ],
    },
  },
  {
    // The AST builders read the CST through its generated typings (dsl/syntax/cst.ts): `node.children.Name`,
    // never a string key such as `children['Name']` (a renamed grammar label must be a compile error).
    files: ['dsl/ast/**/*.ts', 'dsl/syntax/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[computed=true][object.property.name='children']",
          message:
            'Lees de CST via de gegenereerde typen (node.children.Naam), niet met een tekst als sleutel.',
        },
      ],
    },
  },
  {
    // src/ stays free of the UI. The board report's page (views/report) is loaded only by `regelwerk rapport`,
    // with a dynamic import in src/cli/rapport.ts.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: ['**/editor/**', '**/views/**', 'monaco-editor', 'monaco-editor/*', 'react', 'react-dom'],
        },
      ],
    },
  },
  {
    // Views shared by the editor's Impact tab and the board report (rendered to static markup in Node): React,
    // visx and the platform's data; never Monaco, the editor app, the CLI or the server.
    files: ['views/**/*.ts', 'views/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '**/editor/**',
            'monaco-editor',
            'monaco-editor/*',
            '**/cli/**',
            '**/server/**',
            'node:*',
          ],
        },
      ],
    },
  },
  {
    // The evaluator loads without the compiler (regelwerk/runtime): only types from dsl/index.ts, values from
    // dsl/core.ts; never Chevrotain, the parser or the checker. test/runtime/entry.test.ts checks the whole graph.
    files: ['src/engine/**/*.ts', 'src/versions/**/*.ts', 'src/change/**/*.ts', 'src/runtime/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/editor/**', 'monaco-editor', 'monaco-editor/*', 'react', 'react-dom'] },
            { group: ['chevrotain', '**/dsl/syntax/**', '**/dsl/check/**', '**/dsl/ast/from-cst*'] },
            {
              group: ['**/dsl/index.js', '**/src/index.js', '**/bundle/**', '**/api/**', '**/cli/**'],
              allowTypeImports: true,
              message:
                'Het evaluatiedeel laadt zonder compiler: waarden uit dsl/core.js, alleen typen uit dsl/index.js.',
            },
          ],
        },
      ],
    },
  },
  {
    // The CLI starts at once: main.ts loads a command's module only when that command runs (`await import`);
    // only the output, the shared option parsing (args.ts, node:util only) and the help text load up front.
    files: ['src/cli/main.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/editor/**', 'monaco-editor', 'monaco-editor/*', 'react', 'react-dom'] },
            {
              group: ['./*', '../*', '!./output.js', '!./args.js', '!./help.js'],
              message: "Laad een opdracht pas als die draait: `const { … } = await import('./….js')`.",
            },
          ],
        },
      ],
    },
  },
  {
    // Impact analysis runs in a browser web worker too: only src/impact/node/ may use Node (files, threads).
    files: ['src/impact/**/*.ts'],
    ignores: ['src/impact/node/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/editor/**', 'monaco-editor', 'monaco-editor/*', 'react', 'react-dom'] },
            {
              group: ['node:*', '**/cli/**', '**/node/**', 'piscina', 'cli-progress'],
              message: 'src/impact/ draait ook in een web worker: Node-code hoort in src/impact/node/.',
            },
          ],
        },
      ],
    },
  },
  // One-way imports inside src/ (README, "Binnen src/"): calendar ← versions ← engine ← everything built on it.
  // The core rule, next to the typescript-eslint one above (that one guards the compiler-free evaluator).
  ...[
    ['src/calendar/**/*.ts', ['../*', '../../*'], 'src/calendar/ is zelfstandig: het importeert niets.'],
    [
      'src/versions/**/*.ts',
      ['../engine/*', ...ABOVE_ENGINE],
      'src/versions/ importeert alleen dsl/ en src/calendar/ (niet de engine, niet change/).',
    ],
    [
      'src/engine/**/*.ts',
      ABOVE_ENGINE,
      'src/engine/ importeert alleen dsl/, src/calendar/ en src/versions/ (niet change/ of wat op de engine bouwt).',
    ],
  ].map(([files, group, message]) => ({
    files: [files],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group, message }] }] },
  })),
);
