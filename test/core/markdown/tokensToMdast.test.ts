import type { List, Paragraph, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parseMarkdownTree } from '../../../core/markdown/markdownTree';

describe('parseMarkdownTree (mdast from markdown-it tokens)', () => {
  it('gives headings, lists, tables and code the mdast shape, with the lines they start and end on', () => {
    const tree = parseMarkdownTree(
      '# Contacts\n\n- **Ops**: ops@example.com\n- DBA\n\n\n| Role | Phone |\n| --- | --- |\n| DBA | 555 |\n\n```sh\necho hi\n```\n',
    );
    expect(tree.children.map((n) => [n.type, n.position?.start.line, n.position?.end.line])).toEqual([
      ['heading', 1, 1],
      ['list', 3, 4],
      ['table', 7, 9],
      ['code', 11, 13],
    ]);
    const list = tree.children[1] as List;
    expect(list.children.map((item) => toString(item))).toEqual(['Ops: ops@example.com', 'DBA']);
    const table = tree.children[2] as Table;
    expect(table.children.map((row) => row.children.map((cell) => toString(cell)))).toEqual([
      ['Role', 'Phone'],
      ['DBA', '555'],
    ]);
    expect(table.children[1]!.position?.start.line).toBe(9);
  });

  it('keeps emphasis, strikethrough, links and soft breaks inside a paragraph, with each text on its line', () => {
    const paragraph = parseMarkdownTree('**Team**: ~~old~~ [page](https://pd.example.com)\nsecond line').children[0] as Paragraph;
    expect(paragraph.children.map((n) => n.type)).toEqual(['strong', 'text', 'delete', 'text', 'link', 'text']);
    const last = paragraph.children[5]!;
    expect(last.type === 'text' && last.value).toBe('\nsecond line');
    expect(last.position?.start.line).toBe(1);
  });

  it('marks GFM task items as checked or not and removes the box from their text', () => {
    const list = parseMarkdownTree('- [ ] open\n- [x] done\n- plain\n').children[0] as List;
    expect(list.children.map((item) => [item.checked, toString(item)])).toEqual([
      [false, 'open'],
      [true, 'done'],
      [null, 'plain'],
    ]);
  });

  it('numbers ordered lists from their first marker', () => {
    const list = parseMarkdownTree('3. three\n4. four\n').children[0] as List;
    expect([list.ordered, list.start]).toEqual([true, 3]);
  });
});
