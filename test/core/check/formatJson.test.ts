import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../core/check/finding';
import { formatJson } from '../../../core/check/formatJson';

describe('formatJson', () => {
  it('writes one object with every finding, null lines for file-wide findings, and the totals', () => {
    const findings: Finding[] = [
      { file: 'a.md', line: 2, rule: 'duplicate-title', severity: 'error', message: 'Same title.' },
      { file: 'b.md', rule: 'missing-title', severity: 'warning', message: 'No title.' },
    ];
    expect(JSON.parse(formatJson(findings, { files: 7 }))).toEqual({
      findings: [
        { file: 'a.md', line: 2, rule: 'duplicate-title', severity: 'error', message: 'Same title.' },
        { file: 'b.md', line: null, rule: 'missing-title', severity: 'warning', message: 'No title.' },
      ],
      errors: 1,
      warnings: 1,
      files: 7,
    });
  });
});
