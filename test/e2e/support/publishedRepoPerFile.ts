import { afterAll, beforeAll } from 'vitest';
import { RunbookRepo } from '../../helpers/makeRunbookRepo';
import { useSharedGitServer, type SharedGitServer } from '../../helpers/sharedGitServer';

/**
 * Registers hooks that, once for the whole file, build a repository on branch `main` with `build` and
 * publish it as `name` in the file's own space on the shared Git server; both are removed after the file.
 * Returns a getter for that server (its `url(name)` is the repository's address).
 */
export function publishedRepoPerFile(name: string, build: (repo: RunbookRepo) => void): () => SharedGitServer {
  let server: SharedGitServer | undefined;
  let repo: RunbookRepo | undefined;
  beforeAll(() => {
    server = useSharedGitServer();
    repo = new RunbookRepo('main');
    build(repo);
    repo.publish(server.root, name);
  });
  afterAll(async () => {
    await server?.close();
    repo?.dispose();
  });
  return () => {
    if (!server) throw new Error("publishedRepoPerFile: the server exists only inside the file's tests");
    return server;
  };
}
