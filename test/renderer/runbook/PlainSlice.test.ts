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

  it('with a size limit, also cuts a long line, so no box is larger than the limit and none splits a surrogate pair', () => {
    const line = '[x]('.repeat(75_000);
    const boxes = linesInBoxes(`${line}\nshort\n${line}`, 200, 4_000);
    expect(boxes.join('')).toBe(`${line}\nshort\n${line}`);
    expect(Math.max(...boxes.map((box) => box.length))).toBe(4_000);
    // 75 boxes of each 300,000-character line, and one with the first line's break and "short".
    expect(boxes.length).toBe(151);
    expect(boxes[75]).toBe('\nshort\n');
    expect(linesInBoxes('ab\ncd\nef', 200, 5)).toEqual(['ab\n', 'cd\nef']);
    const emoji = '🔥'.repeat(5); // ten UTF-16 units
    expect(linesInBoxes(`a${emoji}`, 200, 4)).toEqual(['a🔥', '🔥🔥', '🔥🔥']);
  });
});
