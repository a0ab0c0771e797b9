import { defineConfig } from 'vitest/config';

// End-to-end tests: the production web build in Debian's Chromium. `npm run test:e2e` builds first.
export default defineConfig({
  test: {
    root: '.',
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One Chromium at a time: the CI machine has two cores.
    fileParallelism: false,
  },
});
