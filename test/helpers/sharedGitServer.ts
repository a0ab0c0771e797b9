import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { REQUEST_LOG_PATH, modeSegment, type LoggedRequest, type ServerMode } from './gitHttpServer';
import { FIXTURE_REPOS } from './fixtureRepos';

/** One test file's view of the run's shared Git servers (started by test/setup/gitServerGlobalSetup.ts). */
export interface SharedGitServer {
  origin: string;
  /** This file's own folder of bare repositories: publish repositories here. */
  root: string;
  /** The token the `auth` mode accepts. */
  token: string;
  /** URL of a repository published under `root`, served with the given behaviour. */
  url(repo: string, mode?: ServerMode): string;
  /** URL of a prebuilt read-only fixture repository. */
  fixtureUrl(fixture: keyof typeof FIXTURE_REPOS, mode?: ServerMode): string;
  /** The requests this file's repositories received so far, in order. */
  requestLog(): Promise<LoggedRequest[]>;
  /** The second origin on the same repositories (`redirect-away` goes there) and the requests it received for this file. */
  elsewhere: { origin: string; url(repo: string, mode?: ServerMode): string; requestLog(): Promise<LoggedRequest[]> };
  /** Removes this file's repositories (the servers run on until the whole run ends). */
  close(): Promise<void>;
}

let files = 0;

/**
 * Gives the calling test file a folder of its own on the shared servers, so files running at the same
 * time in other processes neither see its repositories nor its requests.
 */
export function useSharedGitServer(): SharedGitServer {
  const info = inject('gitServer');
  const space = `t-${process.pid}-${++files}-${Math.random().toString(36).slice(2, 8)}`;
  const root = join(info.root, space);
  mkdirSync(root, { recursive: true });
  const logOf = (origin: string) => async () => {
    const response = await fetch(`${origin}${REQUEST_LOG_PATH}?containing=${encodeURIComponent(`/${space}/`)}`);
    return (await response.json()) as LoggedRequest[];
  };
  return {
    origin: info.origin,
    root,
    token: info.token,
    url: (repo, mode = { kind: 'plain' }) => `${info.origin}/${modeSegment(mode)}/${space}/${repo}`,
    fixtureUrl: (fixture, mode = { kind: 'plain' }) => `${info.origin}/${modeSegment(mode)}/${FIXTURE_REPOS[fixture]}`,
    requestLog: logOf(info.origin),
    elsewhere: {
      origin: info.elsewhereOrigin,
      url: (repo, mode = { kind: 'plain' }) => `${info.elsewhereOrigin}/${modeSegment(mode)}/${space}/${repo}`,
      requestLog: logOf(info.elsewhereOrigin),
    },
    close: async () => rmSync(root, { recursive: true, force: true }),
  };
}
