import { describe, expect, it } from 'vitest';
import { linesInBoxes } from '../../../renderer/runbook/plainBoxes';

describe('linesInBoxes: a block shown as written, in boxes of lines', () => {
  it('cuts after every n-th line break, so the boxes joined are the text exactly', () => {
    expect(linesInBoxes('a\nb\nc\nd\ne', 2)).toEqual(['a\nb\n', 'c\nd\n', 'e']);
    expect(linesInBoxes('a\nb\n', 2)).toEqual(['a\nb\n']);
    expect(linesInBoxes('a\n\n\nb', 1)).toEqual(['a\n', '\n', '\n', 'b']);
    expect(linesInBoxes('', 5)).toEqual([]);
  });

  it('keeps a megabyte diagram source whole across 260 boxes of 200 lines', () => {
    const text = `\`\`\`mermaid\ngraph TD\n${Array.from({ length: 52_000 }, (_, i) => `  n${i} --> n${i + 1}`).join('\n')}\n\`\`\``;
    const boxes = linesInBoxes(text, 200);
    expect(boxes).toHaveLength(Math.ceil(52_003 / 200));
    expect(boxes.join('')).toBe(text);
    expect(boxes.every((box) => box.split('\n').length <= 201)).toBe(true);
  });
});
