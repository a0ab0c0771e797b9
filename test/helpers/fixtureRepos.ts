import { RunbookRepo, generateRunbooks } from './makeRunbookRepo';

/**
 * Read-only repositories built once per test run by the global setup and served by the shared Git server.
 * A test that pushes commits builds its own repository instead.
 */
export const FIXTURE_REPOS = {
  /** 30 generated runbooks of 300–800 bytes, one commit. */
  generated30: 'fixtures/generated-30.git',
} as const;

export function publishFixtureRepos(root: string): void {
  const repo = new RunbookRepo();
  try {
    repo.writeAll(generateRunbooks(30, 300, 800)).commit('initial');
    repo.publish(root, FIXTURE_REPOS.generated30);
  } finally {
    repo.dispose();
  }
}
