import { defineConfig } from 'vitest/config';
import { testKeysDir } from './test/support/keys-dir';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    env: { ATELIER_KEYS_DIR: testKeysDir },
    globalSetup: ['test/support/keys-dir.ts'],
  },
});
