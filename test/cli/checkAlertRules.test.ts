import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../core/check/finding';

const BIN = join(resolve(__dirname, '../..'), 'cli/bin.mjs');

interface JsonReport {
  errors: number;
  warnings: number;
  findings: Array<Omit<Finding, 'line'> & { line: number | null }>;
}

function run(args: string[], cwd: string) {
  // A large report is several MB of JSON: above spawnSync's default 1 MiB buffer, which would cut it.
  const result = spawnSync(process.execPath, [BIN, 'check', '--today', '2026-11-26', ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'rr-alert-rules-'));
  const front = (title: string, extra: string) =>
    `---\ntitle: ${title}\nowner: ops\nlast_reviewed: 2026-11-01\n${extra}---\n# ${title}\n\n## Ban sync lag\n\nText.\n`;
  mkdirSync(join(work, 'runbooks'));
  writeFileSync(join(work, 'runbooks/ban.md'), front('Ban', 'alerts:\n  HighBanSyncLag: "#ban-sync-lag"\n'));
  writeFileSync(join(work, 'runbooks/queue.md'), front('Queue', 'alerts: [NeverDefined]\n'));
  mkdirSync(join(work, 'rules'));
  writeFileSync(
    join(work, 'rules/ban.yml'),
    'groups:\n  - name: ban\n    rules:\n      - alert: HighBanSyncLag\n      - alert: Gone\n        annotations:\n          runbook_url: https://github.com/org/repo/blob/main/runbooks/gone.md\n',
  );
  writeFileSync(
    join(work, 'rules/grafana.json'),
    JSON.stringify({ apiVersion: 1, groups: [{ name: 'g', rules: [{ title: 'GrafanaOnly', annotations: {} }] }] }),
  );
  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (const [i, k] of [...'bcdefghi'].entries()) bomb.push(`${k}: &${k} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(', ')}]`);
  writeFileSync(join(work, 'rules/bomb.yaml'), `${bomb.join('\n')}\ngroups: [*i]\n`);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('runbook-reader check --alert-rules', () => {
  it('reports each alert problem with the rule file as given and exits 1', () => {
    const { code, stdout } = run(
      ['runbooks', '--format', 'json', '--alert-rules', 'rules/*.{yml,json}', '--alert-rules', 'rules/ban.yml', 'rules/grafana.json'],
      work,
    );
    const report = JSON.parse(stdout) as JsonReport;
    expect(code).toBe(1);
    expect(report.findings.map((f) => [f.file, f.line, f.rule])).toEqual([
      ['rules/*.{yml,json}', null, 'alert-rules-invalid'],
      ['rules/ban.yml', 5, 'alert-runbook-missing'],
      ['rules/grafana.json', 1, 'alert-unmapped'],
      ['runbooks/queue.md', 5, 'alert-mapping-unknown'],
    ]);
  });

  it('refuses an alias bomb in a rule file with a finding instead of hanging', () => {
    const { code, stdout } = run(['runbooks', '--alert-rules', 'rules/bomb.yaml'], work);
    expect(code).toBe(1);
    expect(stdout).toContain('rules/bomb.yaml');
    expect(stdout).toContain('alert-rules-invalid');
    expect(stdout).toContain('aliases expand too far');
  });

  it('takes a shell-expanded list of rule files after one --alert-rules', () => {
    const { stdout } = run(['--format', 'json', '--alert-rules', 'rules/ban.yml', 'rules/grafana.json', 'runbooks'], work);
    const rules = (JSON.parse(stdout) as JsonReport).findings.map((f) => f.rule);
    expect(rules).toContain('alert-unmapped');
    expect(rules).not.toContain('alert-rules-invalid');
  });

  it('uses check’s formats and exit codes: 0 when only warnings, 1 with --strict, annotations for GitHub', () => {
    mkdirSync(join(work, 'tidy/runbooks'), { recursive: true });
    writeFileSync(
      join(work, 'tidy/runbooks/lag.md'),
      '---\ntitle: Lag\nowner: ops\nlast_reviewed: 2026-11-01\nalerts:\n  Mapped: "#lag"\n---\n# Lag\n\n## Lag\n\nText.\n',
    );
    writeFileSync(join(work, 'tidy/rules.yml'), 'groups:\n  - name: g\n    rules:\n      - alert: Mapped\n      - alert: Orphan\n');
    writeFileSync(join(work, 'tidy/mapped.yml'), 'groups:\n  - name: g\n    rules:\n      - alert: Mapped\n');

    expect(run(['tidy/runbooks', '--alert-rules', 'tidy/mapped.yml'], work)).toMatchObject({
      code: 0,
      stdout: '1 runbook checked: no problems found.\n',
    });

    const text = run(['tidy/runbooks', '--alert-rules', 'tidy/rules.yml'], work);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^tidy\/rules\.yml\n\s+5\s+warning\s+alert-unmapped\s+Alert Orphan has no runbook_url/m);
    expect(run(['tidy/runbooks', '--strict', '--alert-rules', 'tidy/rules.yml'], work).code).toBe(1);
    // A usage error is 2, as for any check option.
    expect(run(['tidy/runbooks', '--alert-rules'], work)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--alert-rules needs a value') as unknown,
    });

    const github = run(['tidy/runbooks', '--format', 'github', '--alert-rules', 'tidy/rules.yml'], work);
    expect(github.code).toBe(0);
    expect(github.stdout.split('\n')[0]).toBe(
      '::warning file=tidy/rules.yml,line=5,title=alert-unmapped::Alert Orphan has no runbook_url and no runbook maps it in front matter alerts:.',
    );
  });

  it('checks a 10,000-entry rule file to the end and reports each finding once', () => {
    const rules = Array.from({ length: 10_000 }, (_, i) =>
      i % 2 === 0
        ? `      - alert: Big${i}\n        annotations:\n          runbook_url: runbooks/ban.md#ban-sync-lag\n`
        : `      - alert: Big${i}\n        annotations:\n          runbook_url: https://github.com/org/repo/blob/main/runbooks/missing-${i}.md\n`,
    ).join('');
    writeFileSync(join(work, 'rules/big.yaml'), `groups:\n  - name: big\n    rules:\n${rules}`);
    const { code, stdout } = run(['runbooks', '--format', 'json', '--alert-rules', 'rules/big.yaml'], work);
    const report = JSON.parse(stdout) as JsonReport;
    expect(code).toBe(1);
    const missing = report.findings.filter((f) => f.file === 'rules/big.yaml' && f.rule === 'alert-runbook-missing');
    expect(missing).toHaveLength(5_000);
    expect(missing[4_999]).toMatchObject({ line: 3 + 3 * 9_999 + 1 });
    expect(missing[4_999]!.message).toContain('runbooks/missing-9999.md');
    expect(report.findings.filter((f) => f.file === 'rules/big.yaml' && f.rule !== 'alert-runbook-missing')).toEqual([]);
  });
});
