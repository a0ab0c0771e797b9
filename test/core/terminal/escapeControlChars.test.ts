import { describe, expect, it } from 'vitest';
import { escapeControlChars } from '../../../core/terminal/escapeControlChars';

describe('escapeControlChars', () => {
  it('shows terminal escapes, bells, carriage returns and C1 controls as visible escapes', () => {
    expect(escapeControlChars('a\x1b[2Jb\x07c\rd\u009be')).toBe('a\\x1b[2Jb\\x07c\\rd\\x9be');
    expect(escapeControlChars('line\nfake: 0 errors\t\u2028')).toBe('line\\nfake: 0 errors\\t\\u2028');
  });

  it('leaves ordinary text, accents and backslashes alone', () => {
    expect(escapeControlChars('ops/café – runbook\\x.md')).toBe('ops/café – runbook\\x.md');
  });
});
