import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The fault suite runs on its own (vitest.fault.config.ts): it takes minutes.
    exclude: [...configDefaults.exclude, 'tests/fault/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
