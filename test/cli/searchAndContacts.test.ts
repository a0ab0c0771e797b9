import { spawnSync } from 'node:child_process';
import fs, { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import git from 'isomorphic-git';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactJson } from '../../cli/commands/contacts';
import type { SearchJsonHit } from '../../cli/commands/search';

const REPO = resolve(__dirname, '../..');
const BIN = join(REPO, 'cli/bin.mjs');

const FILES: Record<string, string> = {
  'moderation/operations.md': [
    '---',
    'title: Moderation Operations',
    'aliases: [ban procedures]',
    'last_reviewed: 2026-11-01',
    '---',
    '# Moderation Operations',
    '',
    'Use this when you must ban a user.',
    '',
    '## Emergency Ban User',
    '',
    'Ban the user from the admin console.',
    '',
    '## Check User Ban Status',
    '',
    'Look the user up.',
    '',
    '## Emergency contacts',
    '',
    '- **Secondary on-call**: 020 7946 0958',
    '- **Notify on-call engineer**: PagerDuty `mod-primary`',
    '- **VP of Engineering**',
  ].join('\n'),
  'db/failover.md': [
    '---',
    'title: Database Failover',
    'region: US',
    '---',
    '# Database Failover',
    '',
    '## Emergency contacts',
    '',
    '| Role | Phone | Email |',
    '| --- | --- | --- |',
    '| DBA on-call | (555) 010-4477 ext. 12 | dba@example.com |',
  ].join('\n'),
};

let folder: string;
let state: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'rr-cli-search-'));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  // A state folder as "sync" leaves it: an object store and a snapshot naming each file's blob.
  state = mkdtempSync(join(tmpdir(), 'rr-cli-state-'));
  const gitdir = join(state, 'objects.git');
  await git.init({ fs, gitdir, bare: true });
  const files: Record<string, string> = {};
  for (const [path, text] of Object.entries(FILES))
    files[`docs/${path}`] = await git.writeBlob({ fs, gitdir, blob: new TextEncoder().encode(text) });
  writeFileSync(
    join(state, 'snapshot.json'),
    JSON.stringify({ url: 'https://git.example.com/ops.git', branch: null, subdir: '', commit: 'c0ffee', files }),
  );
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
  rmSync(state, { recursive: true, force: true });
});

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('runbook-reader --help', () => {
  it('lists search and contacts with their summaries apart from their names', () => {
    const { code, stdout } = run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}search {4}search runbooks/m);
    expect(stdout).toMatch(/^ {2}contacts {2}list every emergency contact/m);
  });
});

describe('runbook-reader search', () => {
  it('prints the ranked sections as JSON, best first, exact heading on top', () => {
    const { code, stdout } = run(['search', 'ban user', folder, '--json']);
    expect(code).toBe(0);
    const hits = JSON.parse(stdout) as SearchJsonHit[];
    expect(hits[0]).toEqual({
      path: 'moderation/operations.md',
      anchor: 'emergency-ban-user',
      title: 'Moderation Operations',
      heading: 'Emergency Ban User',
      score: expect.any(Number) as number,
    });
    for (const hit of hits) expect(Object.keys(hit).sort()).toEqual(['anchor', 'heading', 'path', 'score', 'title']);
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('--limit caps the sections printed', () => {
    const all = JSON.parse(run(['search', 'user', folder, '--json']).stdout) as SearchJsonHit[];
    expect(all.length).toBeGreaterThan(1);
    const one = JSON.parse(run(['search', 'user', folder, '--json', '--limit', '1']).stdout) as SearchJsonHit[];
    expect(one).toEqual([all[0]]);
  });

  it('searches what a state folder holds', () => {
    const { code, stdout } = run(['search', 'Database Failover', '--state', state, '--json']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as SearchJsonHit[])[0]?.path).toBe('docs/db/failover.md');
  });

  it('prints readable text by default', () => {
    const { code, stdout } = run(['search', 'ban procedures', folder]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ 1\. Moderation Operations\n {4}moderation\/operations\.md#moderation-operations/);
  });

  it('exits 1 when nothing matches and 2 on a usage error or an unreadable folder', () => {
    const none = run(['search', 'zzzqqq', folder]);
    expect(none.code).toBe(1);
    expect(none.stdout).toMatch(/No section matches "zzzqqq"/);
    expect(JSON.parse(run(['search', 'zzzqqq', folder, '--json']).stdout)).toEqual([]);
    expect(run(['search']).code).toBe(2);
    expect(run(['search', 'ban', folder, '--limit', '0']).stderr).toMatch(/--limit must be a whole number/);
    expect(run(['search', 'ban', join(folder, 'missing')]).code).toBe(2);
    expect(run(['search', 'ban', '--state', folder]).stderr).toMatch(/not a state folder/);
    expect(run(['search', 'ban', folder, '--state', state]).code).toBe(2);
  });
});

describe('runbook-reader contacts', () => {
  it('lists every contact as JSON: on-call first and merged, phones first, national numbers read in the region given', () => {
    const { code, stdout } = run(['contacts', folder, '--json', '--region', 'GB']);
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as ContactJson[];
    expect(rows.map((r) => [r.team, r.name, r.kind, r.value, r.href])).toEqual([
      ['On-call', 'Secondary on-call', 'phone', '020 7946 0958', 'tel:+442079460958'],
      ['On-call', 'Notify on-call engineer', 'paging', 'mod-primary', null],
      ['DBA on-call', 'DBA on-call', 'phone', '(555) 010-4477 ext. 12', 'tel:+15550104477;ext=12'],
      ['DBA on-call', 'DBA on-call', 'email', 'dba@example.com', 'mailto:dba@example.com'],
      ['VP of Engineering', 'VP of Engineering', 'role', 'VP of Engineering', null],
    ]);
    expect(rows[0]).toMatchObject({ path: 'moderation/operations.md', line: 20, region: 'GB', check: null });
    // The runbook's own `region: US` wins over --region; the 555 number is possible but not valid.
    expect(rows[2]).toMatchObject({
      path: 'db/failover.md',
      line: 11,
      region: 'US',
      check: expect.stringMatching(/not a valid US number/) as string,
    });
  });

  it('without --region reads national numbers in the machine locale', () => {
    const german = JSON.parse(run(['contacts', folder, '--json'], { LC_ALL: 'de_DE.UTF-8' }).stdout) as ContactJson[];
    expect(german[0]).toMatchObject({ value: '020 7946 0958', region: 'DE' });
    const text = run(['contacts', folder], { LC_ALL: 'C', LC_MESSAGES: '', LANG: '' });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^On-call\n {2}phone {3}020 7946 0958/);
  });

  it('reads a state folder, and exits 2 on a usage error', () => {
    const rows = JSON.parse(run(['contacts', '--state', state, '--json', '--region', 'GB']).stdout) as ContactJson[];
    expect(rows[0]).toMatchObject({ path: 'docs/moderation/operations.md', href: 'tel:+442079460958' });
    expect(run(['contacts', folder, '--region', 'Britain']).code).toBe(2);
    expect(run(['contacts', folder, 'extra']).code).toBe(2);
    expect(run(['contacts', join(folder, 'missing')]).code).toBe(2);
  });
});
