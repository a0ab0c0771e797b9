import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheFileFor } from '../../cli/check/examinationCache';
import { DEFAULT_MAX_AGE_DAYS } from '../../core/check/checkOptions';
import { checkRunbooks } from '../../core/check/checkRunbooks';
import type { Finding } from '../../core/check/finding';

const REPO = resolve(__dirname, '../..');
const BIN = join(REPO, 'cli/bin.mjs');
const FIXTURES = join(REPO, 'test/fixtures/check');
const TODAY = '2026-11-26';

/** The JSON report of `check --format json` (a finding's absent line is written as null). */
interface JsonReport {
  files: number;
  errors: number;
  warnings: number;
  findings: Array<Omit<Finding, 'line'> & { line: number | null }>;
}

function readReport(stdout: string): JsonReport {
  return JSON.parse(stdout) as JsonReport;
}

function run(args: string[], cwd = REPO, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, 'check', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every problem the broken fixture holds, once each: [file, line, rule, severity]. */
const EXPECTED = [
  ['broken/binary.md', undefined, 'skipped-file', 'error'],
  ['broken/broken-anchor.md', 10, 'broken-anchor', 'error'],
  ['broken/broken-link.md', 9, 'broken-link', 'error'],
  ['broken/duplicate-alias.md', 7, 'duplicate-alias', 'error'],
  ['broken/duplicate-title.md', 3, 'duplicate-title', 'error'],
  ['broken/emergency-without-contact.md', 5, 'emergency-without-contact', 'warning'],
  ['broken/empty-file.md', undefined, 'empty-file', 'warning'],
  ['broken/field-invalid.md', 5, 'field-invalid', 'warning'],
  ['broken/front-matter-invalid.md', 4, 'front-matter-invalid', 'error'],
  ['broken/front-matter-unclosed.md', 1, 'front-matter-unclosed', 'error'],
  ['broken/insecure-link.md', 9, 'insecure-link', 'warning'],
  ['broken/latin1.md', undefined, 'skipped-file', 'error'],
  ['broken/missing-image.md', 9, 'missing-image', 'warning'],
  ['broken/missing-last-reviewed.md', undefined, 'missing-last-reviewed', 'warning'],
  ['broken/missing-owner.md', undefined, 'missing-owner', 'warning'],
  ['broken/missing-title.md', undefined, 'missing-title', 'warning'],
  ['broken/review-in-future.md', 4, 'review-in-future', 'warning'],
  ['broken/review-overdue.md', 4, 'review-overdue', 'warning'],
  ['broken/unknown-status.md', 4, 'unknown-status', 'warning'],
];
const MARKDOWN_FILES = 21;

let work: string;

beforeAll(() => {
  work = realpathSync(mkdtempSync(join(tmpdir(), 'check-cli-')));
  cpSync(join(FIXTURES, 'broken'), join(work, 'broken'), { recursive: true });
  // Kept out of the repository as files: a binary file and a Latin-1 one ("Café" with é as the byte 0xE9).
  writeFileSync(join(work, 'broken/binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
  writeFileSync(join(work, 'broken/latin1.md'), Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('runbook-reader check on a tree with one of each problem', () => {
  it('reports exactly those findings as JSON, with totals, and exits 1', () => {
    const { code, stdout, stderr } = run(['broken', '--format', 'json', '--today', TODAY], work);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const report = readReport(stdout);
    expect(
      report.findings.map((f: { file: string; line: number | null; rule: string; severity: string }) => [
        f.file,
        f.line ?? undefined,
        f.rule,
        f.severity,
      ]),
    ).toEqual(EXPECTED);
    expect(report).toMatchObject({ errors: 8, warnings: 11, files: MARKDOWN_FILES });
    const byRule = Object.fromEntries(report.findings.map((f: { rule: string; message: string }) => [f.rule, f.message]));
    expect(byRule['broken-link']).toContain('"restart-workers.md"');
    expect(byRule['broken-anchor']).toContain('did you mean "#promote-the-replica"?');
    expect(byRule['duplicate-title']).toContain('"database-failover.md"');
    expect(byRule['review-overdue']).toContain('685 days ago (limit 90)');
  });

  it('reports the same findings as GitHub workflow commands', () => {
    const { code, stdout } = run(['broken', '--format', 'github', '--today', TODAY], work);
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe(`runbook-reader check: ${MARKDOWN_FILES} runbooks, 8 errors, 11 warnings`);
    const commands = lines.slice(0, -1).map((line) => {
      const m = /^::(error|warning) file=([^,]+)(?:,line=(\d+))?,title=([a-z-]+)::(.+)$/.exec(line);
      expect(m, line).not.toBeNull();
      return [m![2], m![3] === undefined ? undefined : Number(m![3]), m![4], m![1]];
    });
    expect(commands).toEqual(EXPECTED);
  });

  it('reports the same findings as text grouped by file, without colour when not on a terminal', () => {
    const { code, stdout } = run(['broken', '--today', TODAY], work);
    expect(code).toBe(1);
    expect(stdout).not.toContain('\x1b[');
    const found: unknown[] = [];
    let file = '';
    for (const line of stdout.split('\n')) {
      const entry = /^ +(\d+|-) +(error|warning) +([a-z-]+) +\S/.exec(line);
      if (entry) found.push([file, entry[1] === '-' ? undefined : Number(entry[1]), entry[3], entry[2]]);
      else if (line && !line.startsWith(' ')) file = line;
    }
    expect(found).toEqual(EXPECTED);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(`${MARKDOWN_FILES} runbooks checked: 8 errors, 11 warnings in 19 files.`);
  });

  it('reads --max-age-days', () => {
    const { stdout } = run(['broken', '--format', 'json', '--today', TODAY, '--max-age-days', '700'], work);
    expect(readReport(stdout).findings.map((f: { rule: string }) => f.rule)).not.toContain('review-overdue');
  });

  it('names files relative to the current folder, so annotations land on the right file', () => {
    const { stdout } = run([join(work, 'broken'), '--format', 'json', '--today', TODAY], REPO);
    expect(readReport(stdout).findings[0]!.file).toBe(join(work, 'broken/binary.md'));
    const inside = run(['--format', 'json', '--today', TODAY], join(work, 'broken'));
    expect(readReport(inside.stdout).findings[0]!.file).toBe('binary.md');
  });
});

describe('runbook-reader check exit codes', () => {
  it('exits 0 on a clean tree, with --strict too', () => {
    const plain = run([join(FIXTURES, 'clean'), '--today', TODAY]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe('3 runbooks checked: no problems found.\n');
    expect(run([join(FIXTURES, 'clean'), '--today', TODAY, '--strict']).code).toBe(0);
  });

  it('exits 0 on warnings alone, and 1 with --strict', () => {
    const dir = join(work, 'warnings-only');
    mkdirSync(dir);
    cpSync(join(FIXTURES, 'broken/missing-owner.md'), join(dir, 'missing-owner.md'));
    const plain = run([dir, '--today', TODAY]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('missing-owner');
    expect(run([dir, '--today', TODAY, '--strict']).code).toBe(1);
  });

  it('judges review dates against the real date unless --today pins one', () => {
    const dir = join(work, 'dated');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.md'), '---\ntitle: A\nowner: o\nlast_reviewed: 2000-01-01\n---\n# A\n');
    expect(run([dir, '--format', 'json']).stdout).toContain('review-overdue');
    expect(run([dir, '--format', 'json', '--today', '2000-01-02']).stdout).not.toContain('review-overdue');
  });

  it.each([
    [['--format', 'xml'], '--format must be one of text, json, github, not "xml"'],
    [['--max-age-days', 'ten'], '--max-age-days must be a whole number of days, not "ten"'],
    [['--max-age-days', '-3'], '--max-age-days needs a value (write --max-age-days=VALUE for a value that starts with "-")'],
    [['--max-age-days=-3'], '--max-age-days must be a whole number of days, not "-3"'],
    [['--today', '2026-02-30'], '--today must be a date written YYYY-MM-DD, not "2026-02-30"'],
    [['--verbose'], 'unknown option "--verbose"'],
    [['--format'], '--format needs a value'],
    [['one', 'two'], 'expected at most one folder, got 2: one two'],
  ])('exits 2 with a one-line reason for the usage error in %j', (args, reason) => {
    const { code, stdout, stderr } = run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain(reason);
  });

  it('exits 2 when the folder is missing or is a file', () => {
    const missing = run([join(work, 'nowhere')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      `runbook-reader check: cannot read folder "${join(work, 'nowhere')}": no such file or folder (see "runbook-reader check --help")\n`,
    );
    const file = run([join(FIXTURES, 'clean/index.md')]);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('not a directory');
  });

  it('prints its options with --help and exits 0', () => {
    const { code, stdout } = run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--max-age-days N');
    expect(stdout).toContain('--strict');
  });

  it('passes the bundled runbooks with --strict', () => {
    // The bundled runbooks are examples whose review dates age with the calendar (on TODAY four are past
    // the reader's 90 days); this test is about everything else in them.
    const { code, stdout } = run(['runbooks', '--strict', '--today', TODAY, '--max-age-days', '365']);
    expect(stdout).toMatch(/runbooks checked: no problems found\.\n$/);
    expect(code).toBe(0);
  });
});

describe('runbook-reader check walking the folder', () => {
  it('skips node_modules and .git, checks no runbooks in hidden folders, reads in-tree file symlinks, ignores symlinks out of the tree', () => {
    const outside = join(work, 'outside');
    const dir = join(work, 'walk');
    mkdirSync(outside);
    mkdirSync(join(dir, 'node_modules/pkg'), { recursive: true });
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, '.github'));
    mkdirSync(join(dir, 'docs'));
    const bad = '# No front matter\n\n[x](gone.md)\n';
    writeFileSync(join(dir, 'node_modules/pkg/README.md'), bad);
    writeFileSync(join(dir, '.git/notes.md'), bad);
    writeFileSync(join(dir, '.github/PULL_REQUEST_TEMPLATE.md'), bad);
    mkdirSync(join(dir, '.gitbook/assets'), { recursive: true });
    writeFileSync(join(dir, '.gitbook/assets/net.png'), 'x');
    writeFileSync(join(outside, 'secret.md'), bad);
    writeFileSync(join(outside, 'pic.png'), 'x');
    writeFileSync(
      join(dir, 'docs/a.md'),
      '---\ntitle: A\nowner: o\nlast_reviewed: 2026-11-01\n---\n# A\n\n[alias](../b.md#a) ![pic](../pic.png)\n\n![net](../.gitbook/assets/net.png) [template](../.github/PULL_REQUEST_TEMPLATE.md)\n',
    );
    symlinkSync(join(dir, 'docs/a.md'), join(dir, 'b.md'));
    symlinkSync(join(outside, 'secret.md'), join(dir, 'secret.md'));
    symlinkSync(join(outside, 'pic.png'), join(dir, 'pic.png'));
    symlinkSync(outside, join(dir, 'linked-folder'));
    const { stdout } = run([dir, '--format', 'json', '--today', TODAY]);
    const report = readReport(stdout);
    expect(report.files).toBe(2);
    expect(report.findings.map((f: { file: string; rule: string }) => [f.file.slice(dir.length + 1), f.rule])).toEqual([
      ['docs/a.md', 'duplicate-title'],
      ['docs/a.md', 'missing-image'],
    ]);
  });

  it('gives the same findings when the files are parsed on worker threads', () => {
    const dir = join(work, 'many');
    mkdirSync(dir);
    const tree: { path: string; bytes: Uint8Array }[] = [];
    for (let i = 0; i < 80; i++) {
      const path = `rb-${String(i).padStart(2, '0')}.md`;
      const next = `rb-${String((i + 1) % 80).padStart(2, '0')}.md`;
      const text = `---\ntitle: Runbook ${i}\nowner: o\nlast_reviewed: 2026-${i % 2 ? '11' : '01'}-01\n---\n# Runbook ${i}\n\n## Steps\n\nNext: [${next}](${next}#${i % 10 ? 'steps' : 'step'}) ${i % 20 ? '' : '[gone](gone.md)'}\n`;
      writeFileSync(join(dir, path), text);
      tree.push({ path, bytes: Buffer.from(text) });
    }
    const expected = checkRunbooks(tree, { maxAgeDays: DEFAULT_MAX_AGE_DAYS, today: TODAY }).map((f) => ({ ...f, line: f.line ?? null }));
    expect(expected.length).toBeGreaterThan(40);
    const { stdout } = run(['many', '--format', 'json', '--today', TODAY], work);
    expect(readReport(stdout).findings).toEqual(
      expected.map((f) => ({ file: `many/${f.file}`, line: f.line, rule: f.rule, severity: f.severity, message: f.message })),
    );
  });
});

describe('runbook-reader check --cache', () => {
  it('never reports from a stale or damaged cache', () => {
    const dir = join(work, 'cached');
    mkdirSync(dir);
    const good = '---\ntitle: A\nowner: o\nlast_reviewed: 2026-11-01\n---\n# A\n\n## Steps\n\n[b](b.md#steps)\n';
    writeFileSync(join(dir, 'a.md'), good);
    writeFileSync(join(dir, 'b.md'), '---\ntitle: B\nowner: o\nlast_reviewed: 2026-11-01\n---\n# B\n\n## Steps\n');
    const cacheFile = cacheFileFor(dir);
    try {
      const args = [dir, '--cache', '--format', 'json', '--today', TODAY];
      expect(readReport(run(args).stdout).findings).toEqual([]);
      expect((JSON.parse(readFileSync(cacheFile, 'utf8')) as { entries: Record<string, { oid: string }> }).entries['a.md']!.oid).toMatch(
        /^[0-9a-f]{40}$/,
      );

      writeFileSync(join(dir, 'b.md'), '---\ntitle: B\nowner: o\nlast_reviewed: 2026-11-01\n---\n# B\n\n## Procedure\n');
      expect(readReport(run(args).stdout).findings.map((f: { file: string; rule: string }) => f.rule)).toEqual(['broken-anchor']);

      writeFileSync(cacheFile, '{"fingerprint": "truncat');
      expect(readReport(run(args).stdout).findings.map((f: { rule: string }) => f.rule)).toEqual(['broken-anchor']);

      writeFileSync(join(dir, 'a.md'), good.replace('#steps', '#procedure'));
      expect(run(args).code).toBe(0);
    } finally {
      rmSync(cacheFile, { force: true });
    }
  });
});

describe('runbook-reader check on hostile trees', () => {
  it('prints control characters in file names escaped in text output, and as JSON escapes in JSON', () => {
    const dir = join(work, 'escapes');
    mkdirSync(dir);
    const name = 'evil\x1b[2J\x07.md';
    writeFileSync(join(dir, name), '# No front matter\n');
    const text = run([dir, '--format', 'text']);
    expect(text.stdout).not.toContain('\x1b');
    expect(text.stdout).not.toContain('\x07');
    expect(text.stdout).toContain('evil\\x1b[2J\\x07.md');
    const json = JSON.parse(run([dir, '--format', 'json']).stdout) as { findings: { file: string }[] };
    expect(json.findings.some((f) => f.file.endsWith(name))).toBe(true);
  });

  it('reports files over the size limit as too large without reading them, even when they are bigger than Node can read', () => {
    const dir = join(work, 'sparse');
    mkdirSync(dir);
    // A sparse file: 3 GiB long, no disk used. Reading it whole would fail (or exhaust memory).
    const path = join(dir, 'huge.md');
    writeFileSync(path, '');
    truncateSync(path, 3 * 1024 ** 3);
    writeFileSync(join(dir, 'ok.md'), '---\ntitle: OK\nowner: ops\nlast_reviewed: 2026-11-01\n---\n# OK\n');
    const result = run([dir, '--format', 'json', '--today', TODAY]);
    const json = JSON.parse(result.stdout) as { findings: { file: string; rule: string; message: string }[] };
    expect(json.findings.map((f) => [f.file.split('/').pop(), f.rule])).toEqual([['huge.md', 'skipped-file']]);
    expect(json.findings[0]!.message).toMatch(/too-large.*3072\.0 MiB/);
  });
});
