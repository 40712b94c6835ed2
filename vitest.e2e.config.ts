import { defineConfig } from 'vitest/config';
import { testKeysDir } from './test/support/keys-dir';

// End-to-end: Debian Chromium drives the built page against browser mode, one file at a
// time (each starts its own browser and workspace).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/support/build-once.ts', 'test/support/keys-dir.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { ATELIER_KEYS_DIR: testKeysDir },
    fileParallelism: false,
  },
});
