import { describe, expect, it } from 'vitest';
import { countLines } from '../../../core/text/countLines';

describe('countLines', () => {
  it('counts the lines a body is shown in, as splitting it at line breaks would', () => {
    for (const text of ['', 'one', 'one\n', 'one\ntwo', '\n\n\n', 'a\r\nb\r\n', `${'x\n'.repeat(30_000)}end`]) {
      expect(countLines(text)).toBe(text.split('\n').length);
    }
  });
});
