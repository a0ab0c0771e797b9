import { describe, expect, it } from 'vitest';
import { checkAlertRules } from '../../../../core/check/alertRules/checkAlertRules';
import { readAlertRuleFile } from '../../../../core/check/alertRules/readAlertRuleFile';
import { resolveRunbookUrl } from '../../../../core/check/alertRules/resolveRunbookUrl';
import { examineRunbookFile } from '../../../../core/check/examineRunbookFile';

const PROMETHEUS = `groups:
  - name: ban
    rules:
      - alert: HighBanSyncLag
        expr: ban_sync_lag_seconds > 60
        annotations:
          runbook_url: https://github.com/org/repo/blob/main/runbooks/ban.md#ban-sync-lag
      - record: job:lag:rate5m
        expr: rate(x[5m])
      - alert: QueueBacklog
        expr: queue > 100
`;

const GRAFANA = JSON.stringify({
  apiVersion: 1,
  groups: [
    {
      orgId: 1,
      name: 'moderation',
      folder: 'ops',
      interval: '1m',
      rules: [
        {
          uid: 'a1',
          title: 'ModerationQueueBacklog',
          condition: 'C',
          annotations: { runbook_url: 'runbook-reader://alert/ModerationQueueBacklog' },
        },
      ],
    },
  ],
});

function runbook(path: string, text: string) {
  return examineRunbookFile({ path, bytes: new TextEncoder().encode(text) });
}

describe('readAlertRuleFile', () => {
  it('reads Prometheus alerts with their runbook_url and line, passing over recording rules', () => {
    const read = readAlertRuleFile(PROMETHEUS);
    expect(read).toMatchObject({ ok: true, format: 'prometheus' });
    if (!read.ok) return;
    expect(read.rules).toEqual([
      { name: 'HighBanSyncLag', runbookUrl: 'https://github.com/org/repo/blob/main/runbooks/ban.md#ban-sync-lag', line: 4 },
      { name: 'QueueBacklog', runbookUrl: undefined, line: 10 },
    ]);
  });

  it('reads a Grafana provisioning export (JSON), a PrometheusRule manifest and the ruler API shape', () => {
    expect(readAlertRuleFile(GRAFANA)).toMatchObject({ ok: true, format: 'grafana', rules: [{ name: 'ModerationQueueBacklog' }] });
    const crd =
      'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nspec:\n  groups:\n    - name: g\n      rules:\n        - alert: Crd\n';
    expect(readAlertRuleFile(crd)).toMatchObject({ ok: true, rules: [{ name: 'Crd', line: 7 }] });
    const ruler = JSON.stringify({ ops: [{ name: 'g', rules: [{ grafana_alert: { title: 'Ruler' }, annotations: {} }] }] });
    expect(readAlertRuleFile(ruler)).toMatchObject({ ok: true, rules: [{ name: 'Ruler' }] });
    const api = JSON.stringify([{ uid: 'x', title: 'FromApi', annotations: { runbook_url: 'db.md' } }]);
    expect(readAlertRuleFile(api)).toMatchObject({ ok: true, format: 'grafana', rules: [{ name: 'FromApi', runbookUrl: 'db.md' }] });
  });

  it('refuses an alias bomb, broken YAML and a file without rules, saying why', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(', ')}]`),
      'groups: [*i]',
    ].join('\n');
    const refused = readAlertRuleFile(bomb);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toContain('aliases');
    const broken = readAlertRuleFile('groups:\n  - name: [unclosed\n');
    expect(broken).toMatchObject({ ok: false });
    expect(readAlertRuleFile('just: text\n')).toMatchObject({ ok: false, reason: expect.stringContaining('no alert rules') as string });
  });

  it('reads a 10,000-rule file', () => {
    const rules = Array.from({ length: 10_000 }, (_, i) => `      - alert: Generated${i}\n        expr: up == 0\n`).join('');
    const read = readAlertRuleFile(`groups:\n  - name: big\n    rules:\n${rules}`);
    expect(read.ok && read.rules.length).toBe(10_000);
    expect(read.ok && read.rules[9_999]).toEqual({ name: 'Generated9999', runbookUrl: undefined, line: 3 + 2 * 9_999 + 1 });
  });
});

describe('resolveRunbookUrl', () => {
  it.each([
    ['https://github.com/org/repo/blob/main/runbooks/ban.md#lag', { kind: 'path', path: 'runbooks/ban.md', anchor: 'lag' }],
    ['https://gitlab.example.com/g/r/-/blob/main/db.md', { kind: 'path', path: 'db.md' }],
    ['runbook-reader://open/bundled/db.md#promote', { kind: 'path', path: 'db.md', anchor: 'promote' }],
    ['runbook-reader://alert/HighBanSyncLag', { kind: 'alert', alert: 'HighBanSyncLag' }],
    ['https://reader.example/#/read/team/ops/db.md?section=promote', { kind: 'path', path: 'ops/db.md', anchor: 'promote' }],
    ['https://reader.example/#/alert/QueueBacklog', { kind: 'alert', alert: 'QueueBacklog' }],
    ['./runbooks/ban.md#lag', { kind: 'path', path: 'runbooks/ban.md', anchor: 'lag' }],
    ['https://wiki.example/display/OPS/Ban', { kind: 'external' }],
  ])('%s', (url, target) => {
    expect(resolveRunbookUrl(url)).toEqual(target);
  });
});

describe('checkAlertRules', () => {
  const ban = runbook(
    'ban.md',
    '---\ntitle: Ban\nalerts:\n  HighBanSyncLag: "#ban-sync-lag"\n  Forgotten: "#nowhere"\n---\n# Ban\n## Ban sync lag\n',
  );
  const queue = runbook('queue.md', '---\ntitle: Queue\nalerts: [ModerationQueueBacklog]\n---\n# Queue\n');

  it('reports missing runbooks and anchors, unmapped alerts and unknown mappings', () => {
    const rules = `groups:
  - name: g
    rules:
      - alert: HighBanSyncLag
        annotations: { runbook_url: "https://github.com/org/repo/blob/main/runbooks/ban.md#ban-sync-lag" }
      - alert: WrongAnchor
        annotations: { runbook_url: "runbooks/ban.md#no-such-section" }
      - alert: Gone
        annotations: { runbook_url: "runbooks/deleted.md" }
      - alert: Lonely
      - alert: Lonely
`;
    const { inRuleFiles, inRunbooks } = checkAlertRules(
      [
        { file: 'rules/ban.yml', read: readAlertRuleFile(rules) },
        { file: 'rules/grafana.json', read: readAlertRuleFile(GRAFANA) },
      ],
      [ban, queue],
    );
    expect(inRuleFiles.map((f) => [f.file, f.line, f.rule])).toEqual([
      ['rules/ban.yml', 6, 'alert-runbook-anchor'],
      ['rules/ban.yml', 8, 'alert-runbook-missing'],
      ['rules/ban.yml', 10, 'alert-unmapped'],
    ]);
    expect(inRuleFiles[2]!.message).toContain('defined 2 times');
    expect(inRunbooks.map((f) => [f.file, f.line, f.rule])).toEqual([
      ['ban.md', 3, 'alert-mapping-unknown'],
      ['ban.md', 3, 'alert-runbook-anchor'],
    ]);
  });

  it("judges this app's own links in runbook_url like paths: an alert no runbook maps, a missing file or section", () => {
    const rules = `groups:
  - name: g
    rules:
      - alert: ViaAlertLink
        annotations: { runbook_url: "runbook-reader://alert/HighBanSyncLag" }
      - alert: AlertNobodyMaps
        annotations: { runbook_url: "https://reader.example/#/alert/AlertNobodyMaps" }
      - alert: OpenLink
        annotations: { runbook_url: "runbook-reader://open/team/runbooks/ban.md#ban-sync-lag" }
      - alert: OpenLinkGone
        annotations: { runbook_url: "runbook-reader://open/team/runbooks/deleted.md" }
      - alert: WebRouteBadSection
        annotations: { runbook_url: "https://reader.example/#/read/team/queue.md?section=missing" }
      - alert: Wiki
        annotations: { runbook_url: "https://wiki.example/display/OPS/Ban" }
`;
    const { inRuleFiles } = checkAlertRules([{ file: 'rules.yml', read: readAlertRuleFile(rules) }], [ban, queue]);
    expect(inRuleFiles.map((f) => [f.line, f.rule])).toEqual([
      [6, 'alert-runbook-missing'],
      [10, 'alert-runbook-missing'],
      [12, 'alert-runbook-anchor'],
    ]);
    expect(inRuleFiles[0]!.message).toContain('opens alert AlertNobodyMaps, which no runbook maps');
  });

  it('turns an unreadable rule file into one finding and still checks the rest', () => {
    const { inRuleFiles } = checkAlertRules([{ file: 'bad.yml', read: readAlertRuleFile('groups: [') }], [ban]);
    expect(inRuleFiles.map((f) => f.rule)).toEqual(['alert-rules-invalid']);
  });

  it('checks a 10,000-entry rule file (and a 10,000-rule Grafana export) with every finding where it belongs', () => {
    // Each rule in turn: a good URL, a missing anchor, a missing runbook, no URL at all; every tenth name
    // repeated by the next rule. Every URL check looks up the tree, so nothing may scale with rules × runbooks.
    const lines: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const name = i % 10 === 1 ? `Alert${i - 1}` : `Alert${i}`;
      const url = ['runbooks/ban.md#ban-sync-lag', 'runbooks/ban.md#no-such-heading', `runbooks/gone-${i}.md`, undefined][i % 4];
      lines.push(`      - alert: ${name}`, ...(url ? ['        annotations:', `          runbook_url: "${url}"`] : []));
    }
    const prometheus = readAlertRuleFile(`groups:\n  - name: big\n    rules:\n${lines.join('\n')}\n`);
    const grafana = readAlertRuleFile(
      JSON.stringify({
        apiVersion: 1,
        groups: [{ name: 'g', rules: Array.from({ length: 10_000 }, (_, i) => ({ title: `Grafana${i}`, annotations: {} })) }],
      }),
    );
    expect(prometheus.ok && prometheus.rules.length).toBe(10_000);
    expect(grafana.ok && grafana.rules.length).toBe(10_000);

    const { inRuleFiles, inRunbooks } = checkAlertRules(
      [
        { file: 'rules/big.yml', read: prometheus },
        { file: 'rules/grafana.json', read: grafana },
      ],
      [ban, queue],
    );
    const count = (file: string, rule: string) => inRuleFiles.filter((f) => f.file === file && f.rule === rule).length;
    expect(count('rules/big.yml', 'alert-runbook-anchor')).toBe(2_500);
    expect(count('rules/big.yml', 'alert-runbook-missing')).toBe(2_500);
    // Rules without a URL are i % 4 === 3; those whose name a URL-carrying rule shares are mapped by it.
    const unmapped = Array.from({ length: 10_000 }, (_, i) => i).filter((i) => i % 4 === 3 && !(i % 10 === 1 && (i - 1) % 4 !== 3));
    expect(count('rules/big.yml', 'alert-unmapped')).toBe(unmapped.length);
    expect(count('rules/grafana.json', 'alert-unmapped')).toBe(10_000);
    expect(inRuleFiles.find((f) => f.rule === 'alert-runbook-missing')).toMatchObject({
      line: 10,
      message: expect.stringContaining('runbooks/gone-2.md') as unknown,
    });
    expect(inRunbooks.map((f) => f.rule).sort()).toEqual([
      'alert-mapping-unknown',
      'alert-mapping-unknown',
      'alert-mapping-unknown',
      'alert-runbook-anchor',
    ]);
  });
});
