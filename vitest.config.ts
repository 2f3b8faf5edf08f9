import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'data/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // PGlite instances are heavy (WASM); two cores on CI.
    pool: 'forks',
    maxWorkers: 2,
  },
});
