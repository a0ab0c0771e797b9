import { describe, expect, it } from 'vitest';
import { scanMarkdown } from '../../../core/ingest/scanMarkdown';

const idsOf = (markdown: string) => scanMarkdown('ops/a.md', markdown).headings.map((h) => h.id);

describe('scanMarkdown: headings', () => {
  it.each([
    ["## Step 1: Check the API's health!", 'step-1-check-the-apis-health'],
    ['## Run `kubectl get pods -n prod`', 'run-kubectl-get-pods--n-prod'],
    ['## 🚨 Page the on-call', '-page-the-on-call'],
    ['## Café déjà vu', 'café-déjà-vu'],
    ['## 障害対応 手順', '障害対応-手順'],
    ['## C++ & Rust?', 'c--rust'],
    ['## Über — Status', 'über--status'],
    ['## See [the guide](guide.md) *now*', 'see-the-guide-now'],
    ['## snake_case stays', 'snake_case-stays'],
  ])('gives %j the GitHub id %j', (markdown, id) => {
    expect(idsOf(markdown)).toEqual([id]);
  });

  it('numbers duplicate headings in document order, as GitHub does', () => {
    expect(idsOf('# Rollback\n## Rollback\n### Rollback\n## Rollback-1\n')).toEqual([
      'rollback',
      'rollback-1',
      'rollback-2',
      'rollback-1-1',
    ]);
  });

  it('keeps the visible text, depth and the file line of each heading', () => {
    const scan = scanMarkdown('a.md', '# Title\n\nText\n\nSetext two\n----------\n\n### `code` part\n', 4);
    expect(scan.headings).toEqual([
      { depth: 1, text: 'Title', id: 'title', line: 4 },
      { depth: 2, text: 'Setext two', id: 'setext-two', line: 8 },
      { depth: 3, text: 'code part', id: 'code-part', line: 11 },
    ]);
  });

  it('ignores heading-like lines inside code blocks', () => {
    expect(idsOf('```sh\n# not a heading\n```\n\n    # indented code\n\n# Real\n')).toEqual(['real']);
  });

  it('starts numbering afresh for every runbook', () => {
    expect(idsOf('# Same')).toEqual(['same']);
    expect(idsOf('# Same')).toEqual(['same']);
  });
});

describe('scanMarkdown: links', () => {
  it('collects links and images with their text, file line and resolved target', () => {
    const markdown = 'Intro\n\nSee [failover](../db/failover.md#promote) and ![diagram](img/flow.png).\n\n<https://status.example.com>\n';
    const { links } = scanMarkdown('ops/restart.md', markdown, 10);
    expect(links).toEqual([
      {
        href: '../db/failover.md#promote',
        text: 'failover',
        line: 12,
        target: { kind: 'runbook', path: 'db/failover.md', anchor: 'promote' },
        image: false,
      },
      { href: 'img/flow.png', text: 'diagram', line: 12, target: { kind: 'asset', path: 'ops/img/flow.png' }, image: true },
      {
        href: 'https://status.example.com',
        text: 'https://status.example.com',
        line: 14,
        target: { kind: 'external', url: 'https://status.example.com', scheme: 'https:' },
        image: false,
      },
    ]);
  });

  it('resolves reference-style links and images through their definitions, case-insensitively', () => {
    const markdown = '[Escalation][ESC] and ![logo][Logo]\n\n[esc]: ./escalation.md#pager\n[logo]: logo.svg\n';
    const { links } = scanMarkdown('ops/a.md', markdown);
    expect(links.map((l) => [l.text, l.target, l.image])).toEqual([
      ['Escalation', { kind: 'runbook', path: 'ops/escalation.md', anchor: 'pager' }, false],
      ['logo', { kind: 'asset', path: 'ops/logo.svg' }, true],
    ]);
  });

  it('skips references without a definition rather than inventing a target', () => {
    expect(scanMarkdown('a.md', '[not a link][missing]\n').links).toEqual([]);
  });

  it('finds GFM bare links and links inside tables and lists', () => {
    const markdown = '| Who | Where |\n| --- | --- |\n| DBA | [runbook](db.md) |\n\n- call www.example.com\n';
    const { links } = scanMarkdown('a.md', markdown);
    expect(links.map((l) => [l.target.kind, l.line])).toEqual([
      ['runbook', 3],
      ['external', 5],
    ]);
  });

  it('does not turn raw HTML anchors into links', () => {
    expect(scanMarkdown('a.md', '<a href="https://example.com">x</a>\n\n<p><a href="db.md">y</a></p>\n').links).toEqual([]);
  });
});
