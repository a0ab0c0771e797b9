import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startGitHttpServer } from '../helpers/gitHttpServer';
import { publishFixtureRepos } from '../helpers/fixtureRepos';

/** What every test process learns about the shared loopback Git servers (see test/helpers/sharedGitServer.ts). */
export interface SharedGitServerInfo {
  origin: string;
  /** Second origin on the same repositories: where `redirect-away` sends clients. */
  elsewhereOrigin: string;
  root: string;
  /** The one token the `auth` mode accepts. */
  token: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    gitServer: SharedGitServerInfo;
  }
}

const TOKEN = 'tok_shared_0123456789abcdef';

/**
 * One pair of Git servers for the whole run instead of one per test file: every file gets its own folder
 * of repositories under the shared root, and the read-only fixture repositories are built once here.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = mkdtempSync(join(tmpdir(), 'git-shared-root-'));
  const server = await startGitHttpServer({ root, token: TOKEN });
  const elsewhere = await startGitHttpServer({ root, token: TOKEN });
  server.redirectAwayTo = elsewhere.origin;
  publishFixtureRepos(root);
  project.provide('gitServer', { origin: server.origin, elsewhereOrigin: elsewhere.origin, root, token: TOKEN });
  return async () => {
    await Promise.all([server.close(), elsewhere.close()]);
    rmSync(root, { recursive: true, force: true });
  };
}
