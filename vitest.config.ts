import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'test/**/*.test.ts'],
    // Builds the client and the server bundle when stale, once before the tests (test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    // Most of the suite's time is browser tests waiting on game timers (questions and races that run out by
    // themselves): they wait more than they compute. Three files at a time on CI's two cores (vitest's default is
    // one there: cores - 1) took the run from 20 minutes to 11 (README, Quick start).
    maxWorkers: Math.max(3, availableParallelism() - 1),
    hookTimeout: 60_000,
  },
});
