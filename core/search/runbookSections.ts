import type { Nodes, Root } from 'mdast';
import { parseMarkdown, scanMarkdown } from '../ingest/scanMarkdown';
import type { Heading, RunbookBody, RunbookMeta } from '../model';

/** One heading section of a runbook: what a search result opens. */
export interface RunbookSection {
  /** GitHub anchor of the section's heading; `''` for the text before the first heading. */
  anchor: string;
  /** The heading as written (`''` before the first heading). */
  heading: string;
  /** Heading depth 1–6, 0 before the first heading. */
  depth: number;
  /** Headings this section sits under, outermost first, without its own. */
  parents: string[];
  /** The section's text with the Markdown syntax removed; code is kept, since identifiers live there. */
  text: string;
}

/**
 * Cuts a runbook into its heading sections, in document order. The text before the first heading is a section
 * of its own when it has any text, or when the runbook has no heading at all (so every runbook has a place to
 * open). Anchors are those of `meta.headings`, the ones the reader scrolls to.
 */
export function runbookSections(meta: RunbookMeta, body: RunbookBody): RunbookSection[] {
  const tree = parseMarkdown(body.markdown);
  const headings = headingsOf(meta, body, tree);
  const sections: RunbookSection[] = [];
  const open: Heading[] = [];
  let current: RunbookSection = { anchor: '', heading: '', depth: 0, parents: [], text: '' };
  let parts: string[] = [];
  let headingIndex = 0;

  const close = () => {
    current.text = parts.join('').replace(/\n{3,}/g, '\n\n').trim();
    if (current.depth > 0 || current.text !== '' || headings.length === 0) sections.push(current);
    parts = [];
  };

  // An explicit stack instead of recursion: a hostile document can nest blockquotes or lists deeply.
  const stack: (Nodes | string)[] = [tree];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      parts.push(item);
      continue;
    }
    if (item.type === 'heading') {
      const heading = headings[headingIndex++];
      if (!heading) continue;
      close();
      while (open.length > 0 && open[open.length - 1]!.depth >= heading.depth) open.pop();
      current = { anchor: heading.id, heading: heading.text, depth: heading.depth, parents: open.map((h) => h.text), text: '' };
      open.push(heading);
      continue;
    }
    const own = ownText(item);
    if (own !== undefined) parts.push(own);
    const suffix = BLOCK_SUFFIX[item.type];
    if (suffix !== undefined) stack.push(suffix);
    if ('children' in item) {
      const children = item.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  close();
  return sections;
}

/** Text a node contributes itself (its children add theirs). Raw HTML and link targets are not text. */
function ownText(node: Nodes): string | undefined {
  switch (node.type) {
    case 'text':
      return node.value;
    case 'inlineCode':
      return node.value;
    case 'code':
      return `\n${node.value}`;
    case 'break':
      return '\n';
    case 'image':
    case 'imageReference':
      return node.alt ?? undefined;
    default:
      return undefined;
  }
}

/** What separates a block from the next one in the plain text. */
const BLOCK_SUFFIX: Partial<Record<Nodes['type'], string>> = {
  paragraph: '\n',
  code: '\n',
  listItem: '\n',
  blockquote: '\n',
  tableRow: '\n',
  tableCell: ' | ',
  thematicBreak: '\n',
  footnoteDefinition: '\n',
};

/** The runbook's headings in document order, taken from ingest unless they no longer fit this body. */
function headingsOf(meta: RunbookMeta, body: RunbookBody, tree: Root): Heading[] {
  let count = 0;
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'heading') count++;
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push(child);
  }
  if (meta.headings.length === count) return meta.headings;
  return scanMarkdown(body.path, body.markdown, body.bodyLine, tree).headings;
}
