import { defineConfig } from 'vitest/config';

// Unit tests: platform-free core, Electron main/preload (with `electron` mocked), CLI, renderer helpers.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['test/setup/electronMock.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Some sync and search suites build large generated corpora; in a full run one worker went past
    // Node's default heap limit, so workers get more headroom (the machine has 24 GiB).
    execArgv: ['--max-old-space-size=8192'],
  },
});
