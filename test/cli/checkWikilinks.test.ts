import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHECKERBOARD_PNG } from '../helpers/makeObsidianRepo';

const BIN = join(resolve(__dirname, '../..'), 'cli/bin.mjs');

let vault: string | undefined;
afterEach(() => {
  if (vault) rmSync(vault, { recursive: true, force: true });
  vault = undefined;
});

/** An Obsidian vault on disk, as a team keeps its `docs/`. */
function writeVault(files: Record<string, string | Uint8Array>): string {
  vault = mkdtempSync(join(tmpdir(), 'rr-check-wikilinks-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(vault, path)), { recursive: true });
    writeFileSync(join(vault, path), content);
  }
  return vault;
}

function check(dir: string) {
  const result = spawnSync(process.execPath, [BIN, 'check', dir, '--format', 'json', '--today', '2026-11-26'], { encoding: 'utf8' });
  const report = JSON.parse(result.stdout) as { findings: Array<{ file: string; line: number | null; rule: string; message: string }> };
  return { code: result.status, findings: report.findings.filter((f) => f.rule === 'broken-wikilink' || f.rule === 'broken-anchor') };
}

const PAGE = '---\ntitle: Home\nowner: docs\nlast_reviewed: 2026-11-01\n---\n# Home\n\n';

describe('runbook-reader check on a vault with wikilinks', () => {
  it('passes wikilinks the reader resolves, images on disk included, with exit status 0', () => {
    const dir = writeVault({
      'index.md': `${PAGE}Read the [[users/guide|Guide]], [[deploy#Roll back]] and ![[arch.png]].\n`,
      'users/guide.md': '# Guide\n\nBack to [[../index]].\n',
      'ops/deploy.md': '# Deploy\n\n## Roll back\n\nSee [[index]].\n',
      'img/arch.png': CHECKERBOARD_PNG,
    });
    const { code, findings } = check(dir);
    expect(findings).toEqual([]);
    expect(code).toBe(0);
  });

  it('reports a missing, an ambiguous and an embedded image wikilink, and a missing heading, on their lines, with exit status 1', () => {
    const dir = writeVault({
      'index.md': `${PAGE}See [[nowhere]].\n\nAnd [[setup]].\n\n![[lost.png]]\n\n[[deploy#Gone]]\n`,
      'ops/setup.md': '# Ops setup\n',
      'db/setup.md': '# Database setup\n',
      'ops/deploy.md': '# Deploy\n',
    });
    const { code, findings } = check(dir);
    expect(findings.map((f) => [f.file.slice(dir.length + 1), f.line, f.rule])).toEqual([
      ['index.md', 8, 'broken-wikilink'],
      ['index.md', 10, 'broken-wikilink'],
      ['index.md', 12, 'broken-wikilink'],
      ['index.md', 14, 'broken-anchor'],
    ]);
    expect(findings[1]!.message).toContain('2 runbooks are named "setup"');
    expect(code).toBe(1);
  });
});
