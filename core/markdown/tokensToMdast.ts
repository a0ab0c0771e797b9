import type {
  Blockquote,
  Heading,
  List,
  ListItem,
  Nodes,
  Paragraph,
  Parent,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
} from 'mdast';
import type { MarkdownToken } from './markdownTokens';

type Position = NonNullable<Root['position']>;

/**
 * Builds an mdast tree (the shape micromark gives) from markdown-it tokens, for the code that reads
 * structure (contacts sections, checklist steps) without paying for a second, slower parse. Covers what
 * markdown-it produces with GFM tables and strikethrough; positions carry lines only (column 1).
 */
export function tokensToMdast(tokens: readonly MarkdownToken[], markdown: string): Root {
  const lines = markdown.split('\n');
  const root: Root = { type: 'root', children: [] };
  const stack: Parent[] = [root];
  const top = () => stack[stack.length - 1]!;
  const add = (node: RootContent) => top().children.push(node);
  // Table cells carry no line of their own; they are on the line of the row last seen.
  let blockLine = 1;

  for (const token of tokens) {
    if (token.map) blockLine = token.map[0] + 1;
    const position = token.map ? at(token.map[0] + 1, lastTextLine(lines, token.map)) : at(blockLine, blockLine);
    if (token.nesting === -1) {
      if (OPENS_NODE.has(token.type.replace(/_close$/, '_open'))) stack.pop();
      continue;
    }
    const node = blockNode(token, position);
    if (node === undefined) continue;
    if (node === INLINE) {
      const parent = top();
      if ('children' in parent) appendPhrasing(parent, token.children ?? [], blockLine);
      continue;
    }
    add(node);
    if (token.nesting === 1) stack.push(node as Parent);
  }
  markTaskItems(root);
  return root;
}

const INLINE = Symbol('inline');

const OPENS_NODE = new Set([
  'paragraph_open',
  'heading_open',
  'bullet_list_open',
  'ordered_list_open',
  'list_item_open',
  'blockquote_open',
  'table_open',
  'tr_open',
  'th_open',
  'td_open',
]);

function blockNode(token: MarkdownToken, position: Position): RootContent | typeof INLINE | undefined {
  switch (token.type) {
    case 'inline':
      return INLINE;
    case 'paragraph_open':
      return { type: 'paragraph', children: [], position } satisfies Paragraph;
    case 'heading_open':
      return { type: 'heading', depth: Number(token.tag.slice(1)) as Heading['depth'], children: [], position } satisfies Heading;
    case 'bullet_list_open':
    case 'ordered_list_open': {
      const list: List = { type: 'list', ordered: token.type === 'ordered_list_open', spread: false, children: [], position };
      const start = token.attrGet('start');
      if (list.ordered) list.start = start === null ? 1 : Number(start);
      return list;
    }
    case 'list_item_open':
      return { type: 'listItem', spread: false, checked: null, children: [], position } satisfies ListItem;
    case 'blockquote_open':
      return { type: 'blockquote', children: [], position } satisfies Blockquote;
    case 'table_open':
      return { type: 'table', align: [], children: [], position } satisfies Table;
    case 'tr_open':
      return { type: 'tableRow', children: [], position } satisfies TableRow;
    case 'th_open':
    case 'td_open':
      return { type: 'tableCell', children: [], position } satisfies TableCell;
    case 'fence':
    case 'code_block':
      return {
        type: 'code',
        lang: token.info.trim().split(/\s+/)[0] || null,
        meta: null,
        value: token.content.replace(/\n$/, ''),
        position,
      };
    case 'html_block':
      return { type: 'html', value: token.content.replace(/\n$/, ''), position };
    case 'hr':
      return { type: 'thematicBreak', position };
    default:
      // thead/tbody have no mdast node of their own; their rows belong to the table.
      return undefined;
  }
}

function appendPhrasing(parent: Parent, children: readonly MarkdownToken[], firstLine: number): void {
  const stack: Parent[] = [parent];
  let line = firstLine;
  const add = (node: PhrasingContent) => (stack[stack.length - 1]!.children as PhrasingContent[]).push(node);
  const addText = (value: string) => {
    const siblings = stack[stack.length - 1]!.children as PhrasingContent[];
    const last = siblings[siblings.length - 1];
    // mdast keeps a soft line break inside the text around it.
    if (last?.type === 'text' && (value === '\n' || last.value.endsWith('\n'))) last.value += value;
    else add({ type: 'text', value, position: at(line, line) });
  };
  for (const token of children) {
    switch (token.type) {
      case 'text':
        if (token.content !== '') addText(token.content);
        break;
      case 'softbreak':
        addText('\n');
        break;
      case 'hardbreak':
        add({ type: 'break', position: at(line, line) });
        break;
      case 'code_inline':
        add({ type: 'inlineCode', value: token.content, position: at(line, line) });
        break;
      case 'html_inline':
        add({ type: 'html', value: token.content, position: at(line, line) });
        break;
      case 'image':
        add({ type: 'image', url: String(token.attrGet('src') ?? ''), alt: imageAlt(token), position: at(line, line) });
        break;
      case 'link_open':
      case 'strong_open':
      case 'em_open':
      case 's_open': {
        const node = phrasingParent(token, line);
        add(node);
        stack.push(node);
        break;
      }
      case 'link_close':
      case 'strong_close':
      case 'em_close':
      case 's_close':
        if (stack.length > 1) stack.pop();
        break;
    }
    if (token.type === 'softbreak' || token.type === 'hardbreak') line++;
    else if (token.type === 'html_inline') line += token.content.split('\n').length - 1;
  }
}

function phrasingParent(token: MarkdownToken, line: number): PhrasingContent & Parent {
  const position = at(line, line);
  switch (token.type) {
    case 'link_open':
      return { type: 'link', url: String(token.attrGet('href') ?? ''), children: [], position };
    case 'strong_open':
      return { type: 'strong', children: [], position };
    case 'em_open':
      return { type: 'emphasis', children: [], position };
    default:
      return { type: 'delete', children: [], position };
  }
}

function imageAlt(token: MarkdownToken): string {
  return (token.children ?? []).map((child) => (child.type === 'softbreak' ? '\n' : child.content)).join('');
}

/** GFM task items: `[ ]` / `[x]` at the start of an item's first paragraph sets `checked` and is not text. */
function markTaskItems(root: Root): void {
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'listItem') {
      const first = node.children[0];
      const text = first?.type === 'paragraph' ? first.children[0] : undefined;
      const box = text?.type === 'text' ? /^\[([ xX])\](?:[ \t]+|$)/.exec(text.value) : null;
      if (box && text?.type === 'text' && first?.type === 'paragraph') {
        node.checked = box[1] !== ' ';
        text.value = text.value.slice(box[0].length);
        if (text.value === '') first.children.shift();
      }
    }
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push(child);
  }
}

/** 1-based last line of a block, without the blank lines markdown-it counts into lists and items. */
function lastTextLine(lines: readonly string[], [start, end]: [number, number]): number {
  let last = end;
  while (last > start + 1 && (lines[last - 1] ?? '').trim() === '') last--;
  return last;
}

function at(startLine: number, endLine: number): Position {
  return { start: { line: startLine, column: 1 }, end: { line: Math.max(startLine, endLine), column: 1 } };
}
