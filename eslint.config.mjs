// @ts-check
/**
 * Lint for Haven. Beyond the usual rules, it carries the layer rules of
 * shared/design/architecture.md: each block below says which layer it guards and its messages
 * say why, so a wrong import fails `npm run lint` with a sentence a newcomer understands.
 *
 *   domain  <-  storage, platform  <-  features  <-  App;   electron/main -> domain only.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import haven from './lint-rules/no-feature-cycle.mjs';

const WHY_DOMAIN =
  'src/domain holds the pure planning rules: it may import only itself, luxon, zod and small pure libraries, so the same rules run in unit tests, in storage and in electron/main. Put UI, storage or shell code in a higher layer and pass plain data down.';
const WHY_STORAGE =
  'src/storage sits below the features and the shell: it may import src/domain, dexie and crypto libraries only, so that sealing stays in one place and no screen code can bypass it.';
const WHY_PLATFORM =
  'src/platform is the desktop seam: it may use window.api and type-only imports from electron/, nothing from features or storage.';
const WHY_FEATURE_DATA =
  'Features reach data only through src/storage (its index or react hooks): never dexie or storage internals, so every record is sealed before it is written.';
const WHY_FEATURE_PEER =
  'Import another feature only through its index.ts (its public face), e.g. "../cases", never a file inside it.';
const WHY_NO_SHELL =
  'Code in src/ runs in the sandboxed renderer: it must not import electron/main or electron/preload at run time (type-only imports are fine). Go through src/platform.';
const WHY_MAIN =
  'electron/main may import electron/shared and pure src/domain only: the main process must not pull in renderer, storage or UI code.';
const WHY_PRELOAD =
  'electron/preload may import electron/shared and electron only: it exposes one narrow function per action and nothing else.';

/** Screens reach data through the storage layer's public API only. */
const noStorageInternals = {
  group: [
    'dexie',
    'dexie-*',
    '**/storage/*/**',
    '**/storage/db',
    '**/storage/guard',
    '**/storage/seal',
  ],
  message: WHY_FEATURE_DATA,
};

const noShellAtRuntime = {
  group: [
    '**/electron/main',
    '**/electron/main/**',
    '**/electron/preload',
    '**/electron/preload/**',
  ],
  message: WHY_NO_SHELL,
  allowTypeImports: true,
};
const noElectronPackage = { regex: '^electron$', message: WHY_NO_SHELL, allowTypeImports: true };

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
      'resources/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    // The hooks plugin's recommended rules (the React Compiler checks included: purity, refs,
    // set-state-in-effect ...), with exhaustive-deps raised from a warning to an error.
    ...reactHooks.configs.flat['recommended-latest'],
    rules: {
      ...reactHooks.configs.flat['recommended-latest'].rules,
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  // Layer: src/domain (pure rules).
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-*',
                'react/*',
                '@mantine/*',
                '@tabler/*',
                'dexie',
                'dexie-*',
                'leaflet',
                'i18next',
                'hash-wasm',
                'age-encryption',
                '**/storage',
                '**/storage/**',
                '**/platform',
                '**/platform/**',
                '**/features/**',
                '**/shared/**',
                '**/i18n',
                '**/i18n/**',
                '**/electron/**',
              ],
              message: WHY_DOMAIN,
            },
            { regex: '^electron$', message: WHY_DOMAIN },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'localStorage', 'sessionStorage', 'indexedDB', 'navigator'].map(
          (name) => ({ name, message: WHY_DOMAIN }),
        ),
      ],
    },
  },
  // Layer: src/storage (sealed Dexie).
  {
    files: ['src/storage/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@mantine/*',
                '@tabler/*',
                'leaflet',
                'react-leaflet',
                '**/features/**',
                '**/platform',
                '**/platform/**',
                '**/shared/**',
              ],
              message: WHY_STORAGE,
            },
            noShellAtRuntime,
            noElectronPackage,
          ],
        },
      ],
    },
  },
  // Layer: src/platform (the desktop seam).
  {
    files: ['src/platform/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/features/**',
                '**/storage',
                '**/storage/**',
                'dexie',
                'dexie-*',
                'react',
                'react-*',
              ],
              message: WHY_PLATFORM,
            },
            noShellAtRuntime,
            noElectronPackage,
          ],
        },
      ],
    },
  },
  // Layer: src/features (screens).
  {
    files: ['src/features/**/*.{ts,tsx}', 'src/shared/**/*.{ts,tsx}', 'src/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [noStorageInternals, noShellAtRuntime, noElectronPackage],
        },
      ],
    },
  },
  {
    files: ['src/features/*/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\./[^./][^/]*/.+', message: WHY_FEATURE_PEER },
            noStorageInternals,
            noShellAtRuntime,
            noElectronPackage,
          ],
        },
      ],
    },
  },
  // Features: no cycle between feature folders, type imports included (lint-rules/no-feature-cycle.mjs).
  {
    files: ['src/features/**/*.{ts,tsx}'],
    plugins: { haven },
    rules: { 'haven/no-feature-cycle': 'error' },
  },
  // Shell: electron/main and electron/preload.
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/src/**',
                '!**/src/domain',
                '!**/src/domain/**',
                '**/preload',
                '**/preload/**',
              ],
              message: WHY_MAIN,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src/**', '**/main', '**/main/**'], message: WHY_PRELOAD }] },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: [
      'tests/**/*.{ts,tsx,mjs}',
      'bench/**/*.{ts,mjs}',
      'electron/tools/**/*.mjs',
      '.ci/**/*.mjs',
    ],
    rules: { 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
