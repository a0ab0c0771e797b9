import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../core/check/finding';
import { formatText } from '../../../core/check/formatText';

const findings: Finding[] = [
  { file: 'a.md', line: 12, rule: 'broken-link', severity: 'error', message: 'Link "x.md" is gone.' },
  { file: 'a.md', rule: 'missing-owner', severity: 'warning', message: 'No owner.' },
  { file: 'b/c.md', line: 3, rule: 'insecure-link', severity: 'warning', message: 'Plain http.' },
];

describe('formatText', () => {
  it('groups findings under their file and ends with the counts', () => {
    expect(formatText(findings, { color: false, files: 4 })).toBe(
      [
        'a.md',
        '  12  error    broken-link    Link "x.md" is gone.',
        '   -  warning  missing-owner  No owner.',
        '',
        'b/c.md',
        '   3  warning  insecure-link  Plain http.',
        '',
        '4 runbooks checked: 1 error, 2 warnings in 2 files.',
        '',
      ].join('\n'),
    );
  });

  it('says so plainly when there is nothing to report', () => {
    expect(formatText([], { color: false, files: 1 })).toBe('1 runbook checked: no problems found.\n');
  });

  it('colours only when asked to', () => {
    expect(formatText(findings, { color: false, files: 4 })).not.toContain('\x1b[');
    const coloured = formatText(findings, { color: true, files: 4 });
    expect(coloured).toContain('\x1b[31merror  \x1b[0m');
    expect(coloured).toContain('\x1b[33mwarning\x1b[0m');
  });
});
