import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../core/check/finding';
import { escapeData, escapeProperty, formatGithub } from '../../../core/check/formatGithub';

describe('formatGithub', () => {
  it('writes one workflow command per finding and a summary line', () => {
    const findings: Finding[] = [
      { file: 'ops/a.md', line: 9, rule: 'broken-link', severity: 'error', message: 'Link "b.md" is gone.' },
      { file: 'ops/a.md', rule: 'missing-owner', severity: 'warning', message: 'No owner.' },
    ];
    expect(formatGithub(findings, { files: 3 }).split('\n')).toEqual([
      '::error file=ops/a.md,line=9,title=broken-link::Link "b.md" is gone.',
      '::warning file=ops/a.md,title=missing-owner::No owner.',
      'runbook-reader check: 3 runbooks, 1 errors, 1 warnings',
      '',
    ]);
  });

  it('escapes what the runner would otherwise read as the end of a value or a line', () => {
    const [line] = formatGithub(
      [{ file: 'we,ird:name%.md', line: 1, rule: 'broken-link', severity: 'error', message: '100% broken\r\nsee: a, b' }],
      { files: 1 },
    ).split('\n');
    expect(line).toBe('::error file=we%2Cird%3Aname%25.md,line=1,title=broken-link::100%25 broken%0D%0Asee: a, b');
  });

  it('escapes % before anything else so escapes are not escaped twice', () => {
    expect(escapeData('%0A\n')).toBe('%250A%0A');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });
});
