import { describe, expect, it } from 'vitest';
import { checkRunbooks } from '../../../core/check/checkRunbooks';

const encoder = new TextEncoder();

function check(tree: Record<string, string>, repoFolder?: string) {
  const files = Object.entries(tree).map(([path, text]) => ({ path, bytes: encoder.encode(text) }));
  return checkRunbooks(files, { maxAgeDays: 180, today: '2026-11-26', repoFolder, assetPaths: ['img/arch.png'] })
    .filter((f) => f.rule === 'broken-link' || f.rule === 'missing-image' || f.rule === 'broken-anchor')
    .map((f) => [f.file, f.rule, f.message]);
}

describe('check: links from the repository root', () => {
  const tree = {
    'guides/a.md': '# A\n\n[authz](/docs/backend/authz.md#roles), ![arch](/docs/img/arch.png), [contributing](/CONTRIBUTING.md)',
    'backend/authz.md': '# Authz\n\n## Roles\n',
  };

  it('reads /path from the repository root when the checked folder is a folder of the repository', () => {
    expect(check(tree, 'docs')).toEqual([]);
  });

  it('still reports a root link into the folder that finds nothing', () => {
    const findings = check({ ...tree, 'guides/b.md': '# B\n\n[gone](/docs/backend/gone.md)' }, 'docs');
    expect(findings).toEqual([['guides/b.md', 'broken-link', expect.stringContaining('"backend/gone.md", which is not in this tree')]]);
  });

  it('keeps reading /path from the checked folder when it is the repository root', () => {
    expect(check(tree).map(([file, rule]) => [file, rule])).toEqual([
      ['guides/a.md', 'broken-link'],
      ['guides/a.md', 'broken-link'],
      ['guides/a.md', 'missing-image'],
    ]);
  });
});
