import { defineConfig } from 'vitest/config';

// Three projects: `unit` needs nothing built; `build` and `e2e` read dist/ (npm test builds first).
export default defineConfig({
  test: {
    projects: [
      // importer CLI tests run whole reports in child processes: seconds each on a busy 2-core machine
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000 } },
      // reads of the whole built site and its search index: seconds each on a busy 2-core machine
      { test: { name: 'build', include: ['tests/build/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
