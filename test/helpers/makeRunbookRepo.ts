import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, renameSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { seededRandom } from './seededRandom';

/** Fixed identity and dates so that the same edits always give the same commit ids. */
const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Runbook Author',
  GIT_AUTHOR_EMAIL: 'author@example.test',
  GIT_COMMITTER_NAME: 'Runbook Author',
  GIT_COMMITTER_EMAIL: 'author@example.test',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

export function git(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  return execFileSync('git', args, { cwd, env: { ...GIT_ENV, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).trim();
}

/**
 * A working repository in a temp folder, published as a bare repository into a server root.
 * Edits are staged as they are made; `commit()` records them and pushes to the published copy.
 */
export class RunbookRepo {
  readonly workDir: string;
  private commits = 0;
  private published?: string;

  constructor(readonly branch = 'main') {
    this.workDir = mkdtempSync(join(tmpdir(), 'runbook-repo-'));
    git(this.workDir, ['init', '-q', '-b', branch]);
    git(this.workDir, ['config', 'core.autocrlf', 'false']);
  }

  write(path: string, content: string | Uint8Array): this {
    const full = join(this.workDir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    return this;
  }

  /** Writes many files without staging them one by one (the generator's thousands of runbooks). */
  writeAll(files: Iterable<{ path: string; content: string | Uint8Array }>): this {
    for (const f of files) this.write(f.path, f.content);
    return this;
  }

  remove(path: string): this {
    git(this.workDir, ['rm', '-q', '--', path]);
    return this;
  }

  rename(from: string, to: string): this {
    mkdirSync(dirname(join(this.workDir, to)), { recursive: true });
    renameSync(join(this.workDir, from), join(this.workDir, to));
    return this;
  }

  /**
   * Commits everything in the work tree and pushes it to the published bare copy, if any. Returns the commit id.
   * `signingKey`: an SSH private key file; the commit is signed with it as `git commit -S` does with `gpg.format=ssh`.
   */
  commit(message = `change ${this.commits + 1}`, options: { signingKey?: string } = {}): string {
    git(this.workDir, ['add', '-A']);
    const date = `2026-01-01T00:00:${String(this.commits % 60).padStart(2, '0')}Z`;
    const signing = options.signingKey ? ['-c', 'gpg.format=ssh', '-c', `user.signingkey=${options.signingKey}`] : [];
    const sign = options.signingKey ? ['-S'] : [];
    git(this.workDir, [...signing, 'commit', '-q', '--allow-empty', ...sign, '-m', message], {
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    });
    this.commits++;
    if (this.published) git(this.workDir, ['push', '-q', '--force', 'origin', `${this.branch}:${this.branch}`]);
    return git(this.workDir, ['rev-parse', 'HEAD']);
  }

  /** `git clone --bare` into `serverRoot/name`; later commits are pushed there. Returns `name`. */
  publish(serverRoot: string, name: string): string {
    const bare = join(serverRoot, name);
    if (existsSync(bare)) rmSync(bare, { recursive: true, force: true });
    git(serverRoot, ['clone', '-q', '--bare', this.workDir, bare]);
    // The bare copy's HEAD names the default branch the remote advertises.
    git(bare, ['symbolic-ref', 'HEAD', `refs/heads/${this.branch}`]);
    if (git(this.workDir, ['remote']).split('\n').includes('origin')) git(this.workDir, ['remote', 'remove', 'origin']);
    git(this.workDir, ['remote', 'add', 'origin', bare]);
    this.published = bare;
    return name;
  }

  /** Adds a second branch at the current commit on the published copy. */
  pushBranch(name: string): void {
    git(this.workDir, ['push', '-q', 'origin', `HEAD:refs/heads/${name}`]);
  }

  head(): string {
    return git(this.workDir, ['rev-parse', 'HEAD']);
  }

  blobId(path: string): string {
    return git(this.workDir, ['rev-parse', `HEAD:${path}`]);
  }

  dispose(): void {
    rmSync(this.workDir, { recursive: true, force: true });
  }
}

const WORDS = (
  'service database replica primary failover queue worker latency error budget alert page on-call ' +
  'restart drain node cluster region traffic rollback deploy canary health check metric dashboard ' +
  'escalate incident mitigation customer impact throughput memory disk cpu certificate token cache ' +
  'lag shard index partition backup restore snapshot verify confirm expected output timeout retry'
).split(' ');

const AREAS = ['payments', 'identity', 'search', 'storage', 'messaging', 'moderation', 'platform'];

export interface GeneratedRunbook {
  path: string;
  content: string;
}

/**
 * Runbook `index` of a generated corpus of `total`: front matter, sections, commands, a table and links
 * to neighbours, between `minBytes` and `maxBytes` long. The same arguments always give the same text.
 */
export function generateRunbook(index: number, total: number, minBytes = 5 * 1024, maxBytes = 20 * 1024): GeneratedRunbook {
  const random = seededRandom(index * 7919 + 17);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const area = AREAS[index % AREAS.length]!;
  const path = runbookPath(index);
  const target = minBytes + Math.floor(random() * (maxBytes - minBytes));
  const lines: string[] = [
    '---',
    `title: ${capitalise(sentence(3))} ${index}`,
    `summary: ${sentence(10)}`,
    `tags: [${pick(WORDS)}, ${pick(WORDS)}]`,
    `area: ${area}`,
    `status: ${index % 9 === 0 ? 'draft' : 'active'}`,
    `owner: team-${area}`,
    `last_reviewed: 2026-0${1 + (index % 9)}-1${index % 10}`,
    '---',
    '',
    `# Runbook ${index}: ${sentence(4)}`,
    '',
  ];
  let size = lines.join('\n').length;
  let section = 0;
  while (size < target) {
    section++;
    const block = [
      `## Step ${section}: ${sentence(3)}`,
      '',
      `${capitalise(sentence(40))}. See [the related runbook](${relativeLink(index, (index + section) % total)}) first.`,
      '',
      '```sh',
      `kubectl -n ${area} rollout restart deployment/${pick(WORDS)}-${section}`,
      `curl -fsS https://status.example.test/${area}/${pick(WORDS)}`,
      '```',
      '',
      '| check | expected |',
      '| --- | --- |',
      `| ${pick(WORDS)} | ${sentence(4)} |`,
      '',
    ].join('\n');
    lines.push(block);
    size += block.length + 1;
  }
  let content = lines.join('\n');
  if (content.length > maxBytes) content = content.slice(0, maxBytes - 1) + '\n';
  return { path, content };
}

export function runbookPath(index: number): string {
  return `area-${index % 20}/runbook-${String(index).padStart(5, '0')}.md`;
}

function relativeLink(from: number, to: number): string {
  const fromDir = `area-${from % 20}`;
  const toPath = runbookPath(to);
  return toPath.startsWith(`${fromDir}/`) ? toPath.slice(fromDir.length + 1) : `../${toPath}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A deterministic set of `total` runbooks. */
export function* generateRunbooks(total: number, minBytes?: number, maxBytes?: number): Generator<GeneratedRunbook> {
  for (let i = 0; i < total; i++) yield generateRunbook(i, total, minBytes, maxBytes);
}

/** A 1×1 PNG, the smallest real image a runbook can reference. */
export const TINY_PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
);

/** The awkward files a real repository holds, each with what ingest is expected to do with it. */
export const BAD_FILES = {
  /** Front matter that YAML cannot read: kept as a runbook with a warning. */
  malformedFrontMatter: {
    path: 'bad/malformed-front-matter.md',
    content: '---\ntitle: [unclosed\nowner: x\n---\n# Still readable\n\nBody.\n',
  },
  /** Latin-1 bytes: skipped as not UTF-8. */
  notUtf8: {
    path: 'bad/latin1.md',
    content: Uint8Array.from([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a, 0x52, 0xe9, 0x73, 0x75, 0x6d, 0xe9, 0x0a]),
  },
  /** NUL bytes: skipped as binary. */
  binary: { path: 'bad/binary.md', content: Uint8Array.from([0x23, 0x20, 0x00, 0x01, 0x02, 0x00, 0xff, 0x0a]) },
  /** Over the 2 MiB default: skipped as too large. */
  oversized: { path: 'bad/oversized.md', content: `# Huge\n\n${'All work and no play. '.repeat(120_000)}\n` },
  /** Raw HTML and a javascript: link: kept as text, the link blocked by ingest. */
  hostileHtml: {
    path: 'bad/hostile.md',
    content:
      '---\ntitle: Hostile\n---\n# Hostile\n\n<script>alert(1)</script>\n<img src=x onerror="alert(2)">\n\n[click](javascript:alert(3))\n',
  },
} as const;

/** `levels` YAML anchors, each a list of ten references to the one before (10^levels strings expanded). */
function yamlAliasBomb(levels: number): string {
  const lines = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < levels; i++) lines.push(`l${i}: &l${i} [${Array.from({ length: 10 }, () => `*l${i - 1}`).join(', ')}]`);
  return lines.join('\n');
}

/**
 * Runbook files built to hurt a reader (issue 19): each must sync as a readable runbook, quickly, and leave
 * the app usable. Generated, so the repository does not carry megabytes of pathology.
 */
export const HOSTILE_RUNBOOKS = {
  aliasBomb: { path: 'hostile/alias-bomb.md', content: `---\n${yamlAliasBomb(8)}\n---\n# Alias bomb\n\nThe body stays readable.\n` },
  valueOfOpening: { path: 'hostile/value-of.md', content: '---valueOf\ntitle: T\n---\n# Opening word valueOf\n' },
  prototypeKeys: {
    path: 'hostile/prototype-keys.md',
    content:
      '---\ntitle: Prototype keys\nconstructor: toString\n__proto__:\n  polluted: yes\nhasOwnProperty: valueOf\n---\n# Prototype keys\n',
  },
  contactChannels: {
    path: 'hostile/contact-channels.md',
    content: `# Contacts pathology\n\n## Emergency Contacts\n\n${' #a'.repeat(16_000)}\n`,
  },
  nestedEmphasis: {
    path: 'hostile/nested-emphasis.md',
    content: `# Emphasis pathology\n\n1. ${'*'.repeat(16_000)}a${'*'.repeat(16_000)}\n`,
  },
  quotedScalar: {
    path: 'hostile/quoted-scalar.md',
    content: `---\ntitle: Quoted scalar\nsummary: "x\nlast_reviewed: a${' '.repeat(64_000)}'x\n  "\nlast_reviewed: 2026-01-01\n---\n# Quoted scalar\n`,
  },
  manyTags: {
    path: 'hostile/many-tags.md',
    content: `---\ntitle: Many tags\ntags:\n${Array.from({ length: 80_000 }, (_, i) => `  - t${i}`).join('\n')}\n---\n# Many tags\n`,
  },
} as const;
