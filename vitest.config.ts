import { defineConfig } from 'vitest/config';

/**
 * Tests that start real parts (loopback Git servers, child processes, esbuild bundles): seconds each, so
 * they are their own project and `npm run test:unit` stays fast. Everything else under test/ (but e2e) is
 * a unit test.
 */
const INTEGRATION = [
  'test/cli/**/*.test.ts',
  'test/core/sync/**/*.test.ts',
  'test/core/offlineCopy/**/*.test.ts',
  'test/renderer/sync/**/*.test.ts',
  'test/electron/gitSync.test.ts',
  'test/electron/bundle.test.ts',
  'test/electron/builderConfig.test.ts',
  'test/electron/electronegativity.test.ts',
  'test/core/architecture.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    // Electron's runtime cannot run here: every test sees a small fake of the `electron` module; waits
    // for something to happen are bounded generously, never by a busy machine's speed.
    setupFiles: ['test/setup/electronMock.ts', 'test/setup/patientWaits.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Some sync and search suites build large generated corpora; in a full run one worker went past
    // Node's default heap limit, so workers get more headroom (the machine has 24 GiB).
    execArgv: ['--max-old-space-size=8192'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/e2e/**', 'node_modules/**', ...INTEGRATION],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: INTEGRATION,
          // One shared pair of loopback Git servers and the prebuilt fixture repositories for the whole run.
          globalSetup: ['test/setup/gitServerGlobalSetup.ts'],
        },
      },
      {
        // The production web build (`npm run test:e2e` builds it first) in Debian's Chromium.
        test: {
          name: 'e2e',
          root: '.',
          globalSetup: ['test/setup/gitServerGlobalSetup.ts'],
          include: ['test/e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium at a time: the CI machine has two cores.
          fileParallelism: false,
          // `expect.poll` gives up after one second by default; a loaded two-core machine can take longer to
          // format a page, while a page that never gets there still fails.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
