import { describe, expect, it } from 'vitest';
import { MAX_FORMATTED_BLOCK_CHARS, splitMarkdown, startSplit, WHOLE_DOCUMENT_CHARS } from '../../../renderer/runbook/splitMarkdown';

/** Every body line as the slices give it back, through their line mapping (table headers repeat). */
function bodyLinesOf(markdown: string) {
  const seen = new Map<number, string>();
  const lineCount = markdown.split('\n').length;
  for (const part of splitMarkdown(markdown)) {
    part.text.split('\n').forEach((text, i) => {
      const line = part.bodyLineOf(i + 1);
      if (line <= lineCount && !seen.has(line)) seen.set(line, text);
    });
  }
  return seen;
}

describe('splitMarkdown', () => {
  it('cuts a body read a few lines at a time exactly as one read at once, whatever falls on a step boundary', () => {
    const table = ['| a | b |', '|---|---|', ...Array.from({ length: 400 }, (_, i) => `| ${i} | [x][ref] |`)];
    const markdown = [
      '```sh',
      ...Array.from({ length: 300 }, (_, i) => `echo ${i}`),
      '```',
      '',
      '<details>',
      '',
      'hidden',
      '',
      '</details>',
      '',
      ...table,
      '',
      ...Array.from({ length: 600 }, (_, i) => `${i + 1}. step ${i} with a long enough line of text to weigh something`),
      '',
      `${'> '.repeat(40)}deep`,
      '',
      '[ref]: https://example.com',
    ].join('\n');
    const whole = splitMarkdown(markdown);
    expect(whole.length).toBeGreaterThan(5);
    const summary = (parts: typeof whole) => parts.map((p) => [p.firstLine, p.plain, p.text, p.bodyLineOf(3)]);
    for (const step of [1, 7, 250, 1_000]) {
      const split = startSplit(markdown);
      let steps = 1;
      while (!split.scan(step)) steps++;
      expect(steps).toBe(Math.ceil(markdown.split('\n').length / step));
      expect(summary(split.parts())).toEqual(summary(whole));
    }
  });

  it('keeps an ordinary runbook whole, exactly as written', () => {
    const markdown = '# Title\n\n## Step\n\n1. one\n2. two\n';
    expect(splitMarkdown(markdown).map((p) => p.text)).toEqual([markdown]);
  });

  it('cuts a first slice of about a screen, which a cold start waits for, and larger ones after it', () => {
    const section = (i: number) =>
      `## Step ${i}\n\n${'Drain the node and check the pods again. '.repeat(6)}\n\n\`\`\`sh\nkubectl get pods -n ops-${i}\n\`\`\`\n`;
    const markdown = Array.from({ length: 40 }, (_, i) => section(i)).join('\n');
    const sizes = splitMarkdown(markdown).map((part) => part.text.length);
    expect(sizes[0]).toBeLessThanOrEqual(1_200);
    expect(sizes[0]).toBeGreaterThan(600);
    expect(Math.min(...sizes.slice(1, -1))).toBeGreaterThan(2_000);
  });

  it('cuts a long document between blocks, losing no line and keeping each line number', () => {
    const markdown = Array.from({ length: 3_000 }, (_, i) => `## Step ${i}\n\nRun \`check-${i}\`.\n`).join('\n');
    const parts = splitMarkdown(markdown);
    expect(parts.length).toBeGreaterThan(10);
    const lines = markdown.split('\n');
    const mapped = bodyLinesOf(markdown);
    lines.forEach((text, i) => expect(mapped.get(i + 1)).toBe(text));
    for (const part of parts) expect(part.text.length).toBeLessThan(WHOLE_DOCUMENT_CHARS);
    for (const part of parts.slice(1)) expect(markdown.split('\n')[part.firstLine - 2]).toBe('');
  });

  it('cuts a long table between rows and repeats its header in every slice', () => {
    const rows = Array.from({ length: 4_000 }, (_, r) => `| a${r} | b${r} |`);
    const markdown = ['| A | B |', '|---|---|', ...rows].join('\n');
    const parts = splitMarkdown(markdown);
    expect(parts.length).toBeGreaterThan(5);
    for (const part of parts) expect(part.text.startsWith('| A | B |\n|---|---|\n')).toBe(true);
    const rowsBack = parts.flatMap((p) => p.text.split('\n').slice(2));
    expect(rowsBack).toEqual(rows);
    const second = parts[1]!;
    expect(second.bodyLineOf(3)).toBe(second.firstLine);
    expect(markdown.split('\n')[second.firstLine - 1]).toBe(second.text.split('\n')[2]);
  });

  it('cuts a wide table and a run of links into smaller slices than prose, as each cell and link costs more to show', () => {
    const columns = Array.from({ length: 20 }, (_, c) => `c${c}`);
    const table = [`| ${columns.join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`];
    for (let r = 0; r < 2_000; r++) table.push(`| ${columns.map((c) => `${c}r${r}`).join(' | ')} |`);
    const cellsPerSlice = splitMarkdown(table.join('\n')).map((p) => p.text.split('|').length - 1);
    // About eight rows of 21 pipes, plus the repeated header, where 3,000 characters of it would be sixteen rows.
    expect(Math.max(...cellsPerSlice)).toBeLessThan(250);
    const prose = Array.from({ length: 2_000 }, (_, i) => `Paragraph ${i} says what to check.\n`).join('\n');
    expect(Math.max(...splitMarkdown(prose).map((p) => p.text.length))).toBeGreaterThan(2_500);
  });

  it('keeps counting an ordered list that is cut, even when every item is written as "1."', () => {
    const markdown = Array.from({ length: 3_000 }, (_, i) => `1. step number ${i + 1}`).join('\n');
    const parts = splitMarkdown(markdown);
    expect(parts.length).toBeGreaterThan(1);
    const second = parts[1]!;
    const firstItem = Number(/step number (\d+)/.exec(second.text)![1]);
    expect(second.text.startsWith(`${firstItem}. step number ${firstItem}`)).toBe(true);
  });

  it('gives every slice the link reference definitions it uses', () => {
    const filler = Array.from({ length: 2_000 }, (_, i) => `Paragraph ${i}.\n`).join('\n');
    const markdown = `[dashboard]: https://grafana.example/d/1 "Grafana"\n\n${filler}\nOpen the [dashboard] now.\n`;
    const last = splitMarkdown(markdown).at(-1)!;
    expect(last.text).toContain('Open the [dashboard] now.');
    expect(last.text).toContain('[dashboard]: https://grafana.example/d/1 "Grafana"');
  });

  it('shows a block too large to format as written, and the rest formatted', () => {
    const paragraph = 'word '.repeat(MAX_FORMATTED_BLOCK_CHARS / 4);
    const parts = splitMarkdown(`# Title\n\n${paragraph}\n\n${'## After\n\ntext\n\n'.repeat(100)}`);
    expect(parts.find((p) => p.text.includes('word word'))?.plain).toBe('too-large');
    expect(parts.filter((p) => p.plain)).toHaveLength(1);
    expect(parts.at(-1)!.text).toContain('## After');
  });

  it('shows a list nested a thousand deep as written, from there on', () => {
    const parts = splitMarkdown(`${'# Title\n\n'.repeat(3_000)}${'- '.repeat(1_000)}deepest\n\nafter\n`);
    const deep = parts.find((p) => p.text.includes('deepest'))!;
    expect(deep.plain).toBe('too-deep');
    expect(deep.text).not.toContain('after');
    expect(parts.filter((p) => p.plain)).toEqual([deep]);
    expect(parts.at(-1)!.text).toContain('after');
  });

  it('shows a short runbook with a list nested a thousand deep as written there, and formats the rest', () => {
    const parts = splitMarkdown(`# Title\n\nIntro.\n\n${'- '.repeat(1_000)}deepest\n\nafter\n`);
    expect(parts.map((p) => p.plain)).toEqual([undefined, 'too-deep', undefined]);
    expect(parts[2]!.text).toContain('after');
  });
});
