import { defineConfig } from 'vitest/config';

/**
 * The fault suite (`npm run test:fault`, a CI step of its own): real kill -9 of child processes,
 * a loop of random kills and an unprivileged user. It waits for killed writers' locks to go
 * stale, so it takes minutes, not the seconds `npm test` has.
 */
export default defineConfig({
  test: {
    include: ['tests/fault/**/*.fault.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
