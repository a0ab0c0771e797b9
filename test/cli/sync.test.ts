import { createServer, type AddressInfo } from 'node:net';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startLoopbackProxy, type LoopbackProxy } from '../helpers/connectProxy';
import { useSharedGitServer, type SharedGitServer } from '../helpers/sharedGitServer';
import { BAD_FILES, RunbookRepo, generateRunbooks } from '../helpers/makeRunbookRepo';
import { tempFolders } from '../helpers/tempFolders';
import { runCli, type CliRun } from './support/runCli';

/** The token the shared loopback server's `auth` mode accepts. */
const TOKEN = inject('gitServer').token;

/** The proxy variables the command reads; a machine's own are not passed on, so every run is deliberate. */
const PROXY_VARIABLES = ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'NO_PROXY'].flatMap((name) => [name, name.toLowerCase()]);

/** The real command, with this machine's proxy variables left out and `env` added. */
function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !PROXY_VARIABLES.includes(name)));
  return runCli(args, { ...inherited, ...env });
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

let server: SharedGitServer;
let repo: RunbookRepo;
const { make: tempDir, removeAll: removeTempDirs } = tempFolders('cli-sync-');

beforeAll(async () => {
  server = useSharedGitServer();
  repo = new RunbookRepo();
  repo
    .writeAll(generateRunbooks(20, 400, 1000))
    .write(BAD_FILES.notUtf8.path, BAD_FILES.notUtf8.content)
    .write('docs/no-front-matter.md', '# Plain\n');
  repo.commit('initial');
  repo.publish(server.root, 'cli.git');
});

afterAll(async () => {
  await server.close();
  repo.dispose();
  removeTempDirs();
});

describe('runbook-reader sync', () => {
  it('syncs, then syncs incrementally from the state folder, printing one JSON object each time', async () => {
    const state = tempDir();
    const first = await cli(['sync', server.url('cli.git'), '--state', state, '--json']);
    expect(first.code).toBe(0);
    const one = JSON.parse(first.stdout) as Record<string, unknown>;
    expect(one).toMatchObject({
      commit: repo.head(),
      added: 21,
      updated: 0,
      removed: 0,
      unchanged: 0,
      skipped: [{ path: BAD_FILES.notUtf8.path, reason: 'not-utf8' }],
      warnings: [{ path: 'docs/no-front-matter.md', message: expect.stringContaining('No front matter') }],
    });
    expect(typeof one.ms).toBe('number');
    expect(first.stdout.trim().split('\n')).toHaveLength(1);

    const [a, b] = [...generateRunbooks(2)].map((r) => r.path);
    repo.write(a!, '---\ntitle: Edited\n---\n# Edited\n').remove(b!).write('new/added.md', '---\ntitle: Added\n---\n').commit('edit');
    const second = await cli(['sync', server.url('cli.git'), '--state', state, '--json']);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({
      commit: repo.head(),
      added: 1,
      updated: 1,
      removed: 1,
      unchanged: 20,
      skipped: [],
      warnings: [],
    });

    const snapshot = JSON.parse(readFileSync(join(state, 'snapshot.json'), 'utf8')) as { commit: string; files: Record<string, string> };
    expect(snapshot.commit).toBe(repo.head());
    expect(snapshot.files['new/added.md']).toBe(repo.blobId('new/added.md'));
    expect(snapshot.files[b!]).toBeUndefined();
    expect(existsSync(join(state, 'sync.lock'))).toBe(false);
  });

  it('prints a readable summary without --json', async () => {
    const run = await cli(['sync', server.url('cli.git'), '--state', tempDir()]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Synced .*cli\.git \(main\) at [0-9a-f]{7} in \d+ ms\n/);
    expect(run.stdout).toMatch(/\d+ added, 0 updated, 0 removed, 0 renamed, 0 unchanged, 1 skipped/);
    expect(run.stdout).toContain(`${BAD_FILES.notUtf8.path} (not-utf8)`);
  });

  it('reads the token from the named environment variable and keeps it out of the output', async () => {
    const url = server.url('cli.git', { kind: 'auth' });
    const withToken = await cli(['sync', url, '--json', '--token-env', 'RUNBOOK_TOKEN'], { RUNBOOK_TOKEN: TOKEN });
    expect(withToken.code).toBe(0);
    const wrong = await cli(['sync', url, '--token-env', 'RUNBOOK_TOKEN'], { RUNBOOK_TOKEN: 'tok_wrong_999999' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
    expect(wrong.stderr).toMatch(/refused the access token.*\[auth-failed\]/);
    expect(wrong.stderr + wrong.stdout).not.toContain('tok_wrong_999999');
  });

  it('escapes terminal control characters in file names it prints', async () => {
    const hostile = new RunbookRepo();
    hostile.write('evil\u001b[2J\u001b]0;owned\u0007.md', BAD_FILES.notUtf8.content).write('ok.md', '# Fine\n').commit('hostile names');
    hostile.publish(server.root, 'hostile-names.git');
    try {
      const run = await cli(['sync', server.url('hostile-names.git')]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('evil\\x1b[2J\\x1b]0;owned\\x07.md (not-utf8)');
      expect(run.stdout.replace(/\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f]/);
    } finally {
      hostile.dispose();
    }
  });

  it('sends the token only to the origin of the URL it was given with: a redirect elsewhere stops with "redirected to <host>"', async () => {
    const elsewhere = server.elsewhere;
    const run = await cli(['sync', server.url('cli.git', { kind: 'redirect-away' }), '--token-env', 'RUNBOOK_TOKEN'], {
      RUNBOOK_TOKEN: TOKEN,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`redirected to ${new URL(elsewhere.origin).host}`);
    expect((await elsewhere.requestLog()).every((r) => r.authorization === undefined)).toBe(true);
  });

  it('fails with one line and a non-zero status when the repository is missing', async () => {
    const run = await cli(['sync', server.url('missing.git')]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^runbook-reader sync: No repository was found .*\[repo-not-found\]$/),
    ]);
  });

  it('removes what a sync killed mid-download left in the state folder when it next runs', async () => {
    const state = tempDir();
    expect((await cli(['sync', server.url('cli.git'), '--state', state, '--json'])).code).toBe(0);
    const store = join(state, 'objects.git');
    const packs = readdirSync(join(store, 'objects', 'pack')).sort();
    // What a killed fetch leaves: its marker (listing the packs before it) and a half-written pack.
    writeFileSync(join(store, 'runbook-reader-fetch.json'), JSON.stringify({ shallow: null, packs }));
    writeFileSync(join(store, 'objects', 'pack', `pack-${'0'.repeat(40)}.pack`), 'PACK partial');

    const next = await cli(['sync', server.url('cli.git'), '--state', state, '--json']);
    expect(next.code).toBe(0);
    expect(readdirSync(join(store, 'objects', 'pack')).sort()).toEqual(packs);
    expect(existsSync(join(store, 'runbook-reader-fetch.json'))).toBe(false);
  });

  it('keeps the previous state when a sync fails', async () => {
    const state = tempDir();
    expect((await cli(['sync', server.url('cli.git'), '--state', state])).code).toBe(0);
    const before = readFileSync(join(state, 'snapshot.json'), 'utf8');
    const cut = await cli(['sync', server.url('cli.git'), '--state', state, '--subdir', 'no/such/folder']);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toContain('[subdir-missing]');
    expect(readFileSync(join(state, 'snapshot.json'), 'utf8')).toBe(before);
  });

  it.each([
    [['sync'], /missing the repository URL/],
    [['sync', 'https://a.example/x.git', 'https://b.example/y.git'], /exactly one repository URL/],
    [['sync', 'https://a.example/x.git', '--bogus'], /bogus/],
    [['sync', 'https://a.example/x.git', '--timeout-ms', 'soon'], /--timeout-ms/],
    [['sync', 'https://a.example/x.git', '--token-env', 'RUNBOOK_TOKEN_NOT_SET'], /RUNBOOK_TOKEN_NOT_SET/],
  ])('exits 2 with the usage for %j', async (args, message) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('Usage: runbook-reader sync <url>');
  });

  describe('behind a proxy (HTTP_PROXY / HTTPS_PROXY / NO_PROXY)', () => {
    let proxy: LoopbackProxy;
    beforeAll(async () => {
      proxy = await startLoopbackProxy();
    });
    afterAll(() => proxy.close());
    const serverHost = () => new URL(server.url('cli.git')).host;

    it('goes through the proxy the environment names, and around it for hosts in NO_PROXY', async () => {
      const through = await cli(['sync', server.url('cli.git'), '--json'], { HTTP_PROXY: proxy.url });
      expect(through.code).toBe(0);
      expect(JSON.parse(through.stdout)).toMatchObject({ commit: repo.head() });
      expect(proxy.requests.map((r) => `${r.method} ${r.target}`)).toContain(`CONNECT ${serverHost()}`);

      const seen = proxy.requests.length;
      const around = await cli(['sync', server.url('cli.git'), '--json'], { http_proxy: proxy.url, no_proxy: '127.0.0.1' });
      expect(around.code).toBe(0);
      expect(proxy.requests).toHaveLength(seen);
    });

    it('says in one line when the proxy itself does not answer', async () => {
      const closed = await closedPort();
      const run = await cli(['sync', server.url('cli.git')], { HTTP_PROXY: `http://127.0.0.1:${closed}` });
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n')).toEqual([
        `runbook-reader sync: The proxy 127.0.0.1:${closed} did not answer (ECONNREFUSED). Check the HTTPS_PROXY / HTTP_PROXY setting or your network. [host-not-found]`,
      ]);
    });

    it('asks for proxy credentials when the proxy wants them, and sends those in the proxy URL', async () => {
      const guarded = await startLoopbackProxy({ credentials: 'oncall:s3cret' });
      try {
        const refused = await cli(['sync', server.url('cli.git')], { HTTP_PROXY: guarded.url });
        expect(refused.code).toBe(1);
        expect(refused.stderr).toMatch(/The proxy 127\.0\.0\.1:\d+ asks for credentials \(HTTP 407\)\. .*\[auth-failed\]/);
        const signedIn = await cli(['sync', server.url('cli.git'), '--json'], {
          HTTP_PROXY: guarded.url.replace('http://', 'http://oncall:s3cret@'),
        });
        expect(signedIn.code).toBe(0);
        expect(guarded.requests.at(-1)?.proxyAuthorization).toBe(`Basic ${Buffer.from('oncall:s3cret').toString('base64')}`);
        expect(signedIn.stdout + signedIn.stderr).not.toContain('s3cret');
      } finally {
        await guarded.close();
      }
    });
  });

  it('shows its options with --help', async () => {
    const run = await cli(['sync', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--token-env VAR');
  });
});
