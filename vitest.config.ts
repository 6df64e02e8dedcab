import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The fault suite runs on its own (vitest.fault.config.ts): it takes minutes.
    exclude: [...configDefaults.exclude, 'tests/fault/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One test file per core: vitest's default (cores − 1) runs one file at a time on 2 cores, and
    // most files spend their time waiting on sockets, disk and child processes, not on the CPU.
    maxWorkers: '100%',
  },
});
