import { describe, expect, it } from 'vitest';
import { checkRunbooks } from '../../../core/check/checkRunbooks';
import type { Finding } from '../../../core/check/finding';

const TODAY = '2026-11-26';
const encoder = new TextEncoder();

function files(tree: Record<string, string | Uint8Array>) {
  return Object.entries(tree).map(([path, content]) => ({
    path,
    bytes: typeof content === 'string' ? encoder.encode(content) : content,
  }));
}

function check(tree: Record<string, string | Uint8Array>, options: { maxAgeDays?: number; assetPaths?: string[] } = {}): Finding[] {
  return checkRunbooks(files(tree), { maxAgeDays: options.maxAgeDays ?? 180, today: TODAY, assetPaths: options.assetPaths });
}

/** A runbook with complete, current front matter, so only the problem under test shows. */
function runbook(title: string, body: string, extra = ''): string {
  return `---\ntitle: ${title}\nowner: team-ops\nlast_reviewed: 2026-10-01\n${extra}---\n\n${body}\n`;
}

const brief = (findings: Finding[]) => findings.map((f) => [f.file, f.line, f.rule]);

describe('checkRunbooks', () => {
  it('finds nothing in a consistent tree', () => {
    const findings = check({
      'a.md': runbook('A', '# A\n\nSee [B](b.md#steps), [here](#a) and ![map](img/map.png).'),
      'b.md': runbook('B', '# B\n\n## Steps\n\nBack to [A](./a.md).'),
      'img/map.png': new Uint8Array([0x89, 0x50]),
    });
    expect(findings).toEqual([]);
  });

  it('reports a link to a runbook that is not in the tree on the line of the link, with a likely fix', () => {
    const findings = check({
      'ops/restart.md': runbook('Restart', '# Restart\n\nFirst\nthen [drain](../ops/drian.md).'),
      'ops/drain.md': runbook('Drain', '# Drain'),
    });
    expect(brief(findings)).toEqual([['ops/restart.md', 10, 'broken-link']]);
    expect(findings[0]!.severity).toBe('error');
    expect(findings[0]!.message).toContain('"ops/drian.md"');
    expect(findings[0]!.message).toContain('did you mean "ops/drain.md"?');
  });

  it('suggests a runbook whose name differs only in case, in any folder', () => {
    const findings = check({
      'a.md': runbook('A', '# A\n\n[x](ops/Drain.md)'),
      'ops/drain.md': runbook('Drain', '# Drain'),
    });
    expect(brief(findings)).toEqual([['a.md', 9, 'broken-link']]);
    expect(findings[0]!.message).toContain('did you mean "ops/drain.md"?');
  });

  it('accepts links to Markdown files that exist but are not checked', () => {
    expect(check({ 'a.md': runbook('A', '# A\n\n[t](.github/TEMPLATE.md#x)') }, { assetPaths: ['.github/TEMPLATE.md'] })).toEqual([]);
  });

  it('does not judge links that leave the checked tree', () => {
    expect(check({ 'docs/a.md': runbook('A', '# A\n\n[up](../../index.md) [root](/../x.md)') })).toEqual([]);
  });

  it('checks anchors in the same runbook and in other runbooks against GitHub heading ids', () => {
    const findings = check({
      'a.md': runbook('A', '# A\n\n## Roll back (v2)\n\n[ok](#roll-back-v2) [typo](#rollback-v2)\n\n[other](b.md#nowhere) [ok](b.md#b)'),
      'b.md': runbook('B', '# B'),
    });
    expect(brief(findings)).toEqual([
      ['a.md', 11, 'broken-anchor'],
      ['a.md', 13, 'broken-anchor'],
    ]);
    expect(findings[0]!.message).toContain('in this runbook; did you mean "#roll-back-v2"?');
    expect(findings[1]!.message).toContain('matches no heading in "b.md"');
  });

  it('matches anchors exactly, suggesting the heading when only the case differs', () => {
    const findings = check({ 'a.md': runbook('A', '# A\n\n## Steps\n\n[x](#Steps)') });
    expect(brief(findings)).toEqual([['a.md', 11, 'broken-anchor']]);
    expect(findings[0]!.message).toContain('did you mean "#steps"?');
  });

  it('does not guess at anchors of a runbook it could not read', () => {
    const findings = check({
      'a.md': runbook('A', '# A\n\n[b](b.md#steps)'),
      'b.md': new Uint8Array([0x23, 0x00, 0x41]),
    });
    expect(brief(findings)).toEqual([['b.md', undefined, 'skipped-file']]);
  });

  it('reports binary, non-UTF-8 and oversized Markdown files as skipped, with the reason', () => {
    const findings = check({
      'bin.md': new Uint8Array([0x00, 0x01, 0x02]),
      'latin1.md': new Uint8Array([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9]),
    });
    expect(brief(findings)).toEqual([
      ['bin.md', undefined, 'skipped-file'],
      ['latin1.md', undefined, 'skipped-file'],
    ]);
    expect(findings[0]!.message).toMatch(/^Not checked \(binary\)/);
    expect(findings[1]!.message).toMatch(/^Not checked \(not-utf8\).*UTF-8/);
  });

  it('reports front matter that does not parse, and nothing the broken metadata would repeat', () => {
    const findings = check({ 'a.md': '---\ntitle: A\nowner: [x\n---\n\n# A\n' });
    // Line 3 holds the unclosed `[`.
    expect(brief(findings)).toEqual([['a.md', 3, 'front-matter-invalid']]);
    expect(findings[0]!.message).toContain('could not be read');
  });

  it('reports front matter that is a list instead of fields as invalid', () => {
    expect(brief(check({ 'a.md': '---\n- one\n- two\n---\n\n# A\n' }))).toEqual([['a.md', 2, 'front-matter-invalid']]);
  });

  it('reports front matter that is never closed on line 1', () => {
    expect(brief(check({ 'a.md': '---\ntitle: A\n\n# A\n' }))).toEqual([['a.md', 1, 'front-matter-unclosed']]);
  });

  it('warns about each missing field of a runbook without front matter', () => {
    const findings = check({ 'notes/restart-db.md': '# Restart the database\n\nSteps.\n' });
    expect(brief(findings)).toEqual([
      ['notes/restart-db.md', undefined, 'missing-last-reviewed'],
      ['notes/restart-db.md', undefined, 'missing-owner'],
      ['notes/restart-db.md', undefined, 'missing-title'],
    ]);
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);
    expect(findings[2]!.message).toContain('"Restart the database"');
  });

  it('points a missing field at its key when the key is there but empty', () => {
    const findings = check({ 'a.md': '---\ntitle: A\nowner:\nlast_reviewed: 2026-10-01\n---\n# A\n' });
    expect(brief(findings)).toEqual([['a.md', 3, 'missing-owner']]);
  });

  it('reports a field of the wrong kind once, not also as missing', () => {
    const findings = check({ 'a.md': '---\ntitle: A\nowner: team\nlast_reviewed: someday\n---\n# A\n' });
    expect(brief(findings)).toEqual([['a.md', 4, 'field-invalid']]);
  });

  it('warns about an empty file once', () => {
    expect(brief(check({ 'a.md': '\n\n' }))).toEqual([['a.md', undefined, 'empty-file']]);
  });

  it('measures review age against the given day and limit', () => {
    const tree = {
      'old.md': '---\ntitle: Old\nowner: o\nlast_reviewed: 2026-05-29\n---\n# Old\n',
      'edge.md': '---\ntitle: Edge\nowner: o\nlast_reviewed: 2026-05-30\n---\n# Edge\n',
      'future.md': '---\ntitle: Future\nowner: o\nlast_reviewed: 2026-11-27\n---\n# Future\n',
    };
    const findings = check(tree);
    expect(brief(findings)).toEqual([
      ['future.md', 4, 'review-in-future'],
      ['old.md', 4, 'review-overdue'],
    ]);
    expect(findings[1]!.message).toContain('181 days ago (limit 180)');
    expect(brief(check(tree, { maxAgeDays: 365 }))).toEqual([['future.md', 4, 'review-in-future']]);
  });

  it('accepts the four known statuses in any case and warns about others', () => {
    const findings = check({
      'a.md': runbook('A', '# A', 'status: Deprecated\n'),
      'b.md': runbook('B', '# B', 'status: retired\n'),
    });
    expect(brief(findings)).toEqual([['b.md', 5, 'unknown-status']]);
    expect(findings[0]!.message).toContain('"retired"');
    expect(findings[0]!.message).toContain('the reader treats it as "archived"');
  });

  it('warns about plain-http links and images but not about local dashboards', () => {
    const findings = check({
      'a.md': runbook(
        'A',
        '# A\n\n[x](http://wiki.example.com)\n![y](http://img.example.com/a.png)\n<http://127.0.0.1:9090/>\nhttp://localhost:3000 [s](https://ok.example.com)',
      ),
    });
    expect(brief(findings)).toEqual([
      ['a.md', 9, 'insecure-link'],
      ['a.md', 10, 'insecure-link'],
    ]);
    expect(findings[1]!.message).toMatch(/^Image http:\/\/img\.example\.com/);
  });

  it('warns about images that are not in the tree, and only images', () => {
    const findings = check(
      { 'guide/a.md': runbook('A', '# A\n\n![ok](../shared/net.svg) ![gone](net.png) [pdf](manual.pdf)') },
      { assetPaths: ['shared/net.svg'] },
    );
    expect(brief(findings)).toEqual([['guide/a.md', 9, 'missing-image']]);
    expect(findings[0]!.message).toContain('"guide/net.png"');
  });

  it('treats non-Markdown entries of the file list as present files', () => {
    expect(check({ 'a.md': runbook('A', '# A\n\n![ok](net.svg)'), 'net.svg': '<svg/>' })).toEqual([]);
  });

  it('reports a repeated title, ignoring case, on the later runbook only', () => {
    const findings = check({
      'a.md': runbook('Database Failover', '# x'),
      'b.md': runbook('database  failover', '# y'),
      'c.md': '# Database Failover\n',
    });
    expect(brief(findings.filter((f) => f.rule === 'duplicate-title'))).toEqual([['b.md', 2, 'duplicate-title']]);
    expect(findings.find((f) => f.rule === 'duplicate-title')!.message).toContain('"a.md"');
  });

  it("reports an alias that is another runbook's alias or title on the alias's own line", () => {
    const findings = check({
      'a.md': runbook('Failover', '# a', 'aliases:\n  - promote\n  - Failover\n'),
      'b.md': runbook('Cache', '# b', 'aliases:\n  - flush\n  - PROMOTE\n'),
      'c.md': runbook('Queue', '# c', 'aliases: [failover, drain]\n'),
    });
    expect(brief(findings)).toEqual([
      ['b.md', 7, 'duplicate-alias'],
      ['c.md', 5, 'duplicate-alias'],
    ]);
    expect(findings[0]!.message).toBe('Alias "PROMOTE" is also the alias of "a.md"; an alias must lead to one runbook.');
    expect(findings[1]!.message).toBe('Alias "failover" is also the title of "a.md"; an alias must lead to one runbook.');
  });

  it('warns about an emergency runbook that names nobody to call', () => {
    const findings = check({
      'tagged.md': runbook('Tagged', '# Tagged\n\n## Contacts\n\nAsk around.', 'tags: [db, Emergency]\n'),
      'heading.md': runbook('Heading', '# Heading\n\n## Emergency shutdown\n\nPull the plug.'),
      'fine.md': runbook('Fine', '# Fine\n\n## Escalation\n\n- On-call: PagerDuty `db-primary`', 'tags: [emergency]\n'),
    });
    expect(brief(findings)).toEqual([
      ['heading.md', 9, 'emergency-without-contact'],
      ['tagged.md', 5, 'emergency-without-contact'],
    ]);
    expect(findings[0]!.message).toMatch(/^Has an "Emergency shutdown" section but lists no contact/);
    expect(findings[1]!.message).toMatch(/^Tagged "emergency" but lists no contact/);
  });

  it('validates the front-matter contacts list and region: on their own lines, and passes a good one', () => {
    const findings = check({
      'good.md': runbook(
        'Good',
        '# Good',
        'region: GB\ncontacts:\n  - name: On-call\n    phone: 020 7946 0958\n    pagerduty: ops-primary\n  - "Security: security@example.com, +44 20 7946 0000"\n',
      ),
      'bad.md': runbook(
        'Bad',
        '# Bad',
        'region: Britain\ncontacts:\n  - name: Ops\n    phone: 020 7946 0958\n  - name: Lab\n    phone: +1 555 010 3300\n  - email: not-an-address\n  - 42\n',
      ),
    });
    expect(brief(findings)).toEqual([
      ['bad.md', 5, 'contact-invalid'],
      ['bad.md', 6, 'contact-invalid'],
      ['bad.md', 6, 'contact-invalid'],
      ['bad.md', 6, 'contact-invalid'],
      ['bad.md', 6, 'contact-invalid'],
    ]);
    const messages = findings.map((f) => f.message).join('\n');
    expect(messages).toMatch(/region: "Britain" is not a region code/);
    expect(messages).toMatch(/Phone 020 7946 0958 \(Ops\) has no country/);
    expect(messages).toMatch(/Phone \+1 555 010 3300 \(Lab\): not a valid \+1 number/);
    expect(messages).toMatch(/"not-an-address" is not an email address/);
    expect(messages).toMatch(/item 4 .*"42" is not a phone number|"42" is not a phone number/);
  });

  it('sorts findings by file, then line, file-wide findings first', () => {
    const findings = check({
      'b.md': '# B\n\n[x](#nope)\n',
      'a.md': runbook('A', '# A\n\n[x](gone.md)'),
    });
    expect(brief(findings)).toEqual([
      ['a.md', 9, 'broken-link'],
      ['b.md', undefined, 'missing-last-reviewed'],
      ['b.md', undefined, 'missing-owner'],
      ['b.md', undefined, 'missing-title'],
      ['b.md', 3, 'broken-anchor'],
    ]);
  });
});
