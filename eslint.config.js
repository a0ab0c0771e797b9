// ESLint flat config: typescript-eslint's type-checked rules everywhere, React hooks rules for the renderer.
// Layer rules (what core/ may import, renderer/ vs electron/, cycles) live in .dependency-cruiser.cjs.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const DOM_ONLY_GLOBALS = ['window', 'document', 'localStorage', 'sessionStorage'];
const CORE_IS_PLATFORM_FREE = 'core/ is platform-free: take what the page offers as a parameter, injected at the edge.';

export default defineConfig(
  globalIgnores([
    'dist/**',
    'dist-electron/**',
    'release/**',
    'coverage/**',
    'test-results/**',
    'runbooks/**',
    'test/fixtures/**',
    'build/patches/**',
  ]),

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Off: every control-character class in this code is deliberate (refusing or stripping them from
      // untrusted runbook text, links, paths and IPC input; ASCII fast paths), the mistake the rule guards against.
      'no-control-regex': 'off',
    },
  },

  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    rules: {
      // `_`-prefixed names mark parameters a signature needs but the body does not use.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Off: an `async` function without `await` is how a fake or adapter keeps a Promise-returning contract
      // (and turns a throw into a rejection); misused promises are caught by no-floating/no-misused-promises.
      '@typescript-eslint/require-await': 'off',
    },
  },

  // Plain JavaScript (config files, Node launchers) is not part of the TypeScript project.
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  // Design invariant 6: the core also runs in workers, Electron main and Node, so it reaches for no page
  // globals (its imports are checked by dependency-cruiser, .dependency-cruiser.cjs).
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...DOM_ONLY_GLOBALS.map((name) => ({ name, message: CORE_IS_PLATFORM_FREE }))],
      'no-restricted-properties': [
        'error',
        ...['globalThis', 'self'].flatMap((object) =>
          DOM_ONLY_GLOBALS.map((property) => ({ object, property, message: CORE_IS_PLATFORM_FREE })),
        ),
      ],
    },
  },

  {
    files: ['renderer/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['electron/**/*.ts', 'cli/**/*.ts', 'bench/**/*.ts', 'test/**/*.{ts,tsx}', '*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      // Off in tests: `expect(deps.send).toHaveBeenCalled()` passes a vi.fn() mock as a value, never calls it unbound.
      '@typescript-eslint/unbound-method': 'off',
      // Off in tests: Vitest's asymmetric matchers (expect.any, expect.stringMatching ...) are typed `any` by design.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
);
