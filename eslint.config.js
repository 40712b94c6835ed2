import tseslint from 'typescript-eslint';

// The platform seam as lint zones (test/unit/seam.test.ts checks the same on every run).
const electronOnlyInShell = {
  paths: [{ name: 'electron', message: 'Only electron/main.ts, preload.ts and ipc.ts may import electron.' }],
  patterns: [{ group: ['electron/*'], message: 'Only the Electron shell imports electron.' }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '**/*.mjs', '**/*.cjs', 'eslint.config.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', electronOnlyInShell],
    },
  },
  {
    files: ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'worker_threads', 'better-sqlite3'], message: 'shared/ runs in the page too: no Node.' },
            { group: ['react', 'react-dom', 'react/*'], message: 'shared/ holds no UI.' },
            { group: ['**/electron/**', '**/renderer/**', 'electron'], message: 'shared/ imports neither side.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/electron/**', 'electron'], message: 'The page reaches the services only through renderer/api.ts.' },
            { group: ['node:*', 'better-sqlite3'], message: 'The page runs sandboxed, without Node.' },
          ],
        },
      ],
    },
  },
);
