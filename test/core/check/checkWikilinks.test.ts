import { describe, expect, it } from 'vitest';
import { checkRunbooks } from '../../../core/check/checkRunbooks';

const encoder = new TextEncoder();

function check(tree: Record<string, string>, assetPaths: string[] = []) {
  const files = Object.entries(tree).map(([path, text]) => ({ path, bytes: encoder.encode(text) }));
  const findings = checkRunbooks(files, { maxAgeDays: 180, today: '2026-11-26', assetPaths });
  return findings.filter((f) => f.rule === 'broken-wikilink' || f.rule === 'broken-anchor');
}

describe('check: wikilinks', () => {
  it('accepts wikilinks the reader resolves: by path, by unique name, relative, to headings and images', () => {
    const findings = check(
      {
        'index.md': '# Home\n\n[[users/guide|Guide]], [[deploy#Roll back]], [[#Home]] and ![[arch.png]].',
        'users/guide.md': '# Guide\n\nBack to [[../index]].',
        'ops/deploy.md': '# Deploy\n\n## Roll back\n',
      },
      ['img/arch.png'],
    );
    expect(findings).toEqual([]);
  });

  it('reports missing and ambiguous targets on their line, saying why, like any other broken link', () => {
    const findings = check({
      'index.md': '---\ntitle: Home\n---\n# Home\n\nSee [[nowhere]].\n\nAnd [[setup]].\n\n```\n[[in-code-is-fine]]\n```',
      'ops/setup.md': '# Setup',
      'db/setup.md': '# Setup',
    });
    expect(findings.map((f) => [f.file, f.line, f.rule])).toEqual([
      ['index.md', 6, 'broken-wikilink'],
      ['index.md', 8, 'broken-wikilink'],
    ]);
    expect(findings[0]!.message).toBe('Wikilink "[[nowhere]]": Nothing named "nowhere" is in this source — the link is broken.');
    expect(findings[1]!.message).toContain('2 runbooks are named "setup" — link is ambiguous');
    expect(findings[0]!.severity).toBe('error');
  });

  it('reports a wikilink to a heading that is not there as a broken anchor', () => {
    const findings = check({ 'a.md': '# A\n\n[[b#Nope]] [[#Missing]]', 'b.md': '# B\n\n## Steps' });
    expect(findings.map((f) => [f.line, f.rule])).toEqual([
      [3, 'broken-anchor'],
      [3, 'broken-anchor'],
    ]);
  });
});
