import GithubSlugger from 'github-slugger';
import type { Heading, Root, RootContent } from 'mdast';
import { eachNodeOfType, nodeText } from '../markdown/mdastWalk';
import { parseMarkdownTree } from '../markdown/markdownTree';
import { isContactHeading } from './contactHeadings';

/** A section of a runbook that lists contacts. */
export interface ContactSection {
  /** Heading text as written ("Emergency Contacts"). */
  heading: string;
  /** Anchor id of the heading: the same GitHub slug as `RunbookMeta.headings[].id`. */
  anchor: string;
  depth: number;
  /** 1-based file line of the heading. */
  line: number;
  /** 1-based file line where the section's content ends (its last block before the next heading of the same or higher level). */
  endLine: number;
  /** The section's block nodes after its heading, sub-headings included (positions are body lines). */
  nodes: RootContent[];
}

/**
 * The contacts sections of a runbook body, in document order. A section runs from its heading to the next
 * heading of the same or a higher level (any depth works: `#` to `######`). A contacts heading nested in
 * another contacts section belongs to the outer one and is not listed again. `bodyLine` is the file line
 * the body starts at (after front matter), so lines are file lines; pass `tree` when already parsed.
 */
export function findContactSections(markdown: string, bodyLine = 1, tree: Root = parseMarkdownTree(markdown)): ContactSection[] {
  // Slug every heading in document order (nested ones too), exactly as ingest does, so that duplicate
  // headings get the same `-1`, `-2` suffixes as `RunbookMeta.headings`.
  const slugger = new GithubSlugger();
  const anchors = new Map<Heading, string>();
  eachNodeOfType(tree, 'heading', (heading: Heading) => {
    anchors.set(heading, slugger.slug(nodeText(heading, { includeImageAlt: false, includeHtml: false })));
  });
  const sections: ContactSection[] = [];
  const toFileLine = (line: number) => line + bodyLine - 1;
  const children = tree.children;

  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.type !== 'heading') continue;
    const text = nodeText(node).trim();
    const anchor = anchors.get(node) ?? '';
    const inOuter = sections.some((s) => s.depth < node.depth && toFileLine(node.position?.start.line ?? 0) <= s.endLine);
    if (inOuter || !isContactHeading(text)) continue;

    let j = i + 1;
    while (j < children.length) {
      const next = children[j]!;
      if (next.type === 'heading' && next.depth <= node.depth) break;
      j++;
    }
    const nodes = children.slice(i + 1, j);
    const line = toFileLine(node.position?.start.line ?? 1);
    const lastNode = nodes[nodes.length - 1];
    const endLine = lastNode?.position ? toFileLine(lastNode.position.end.line) : line;
    sections.push({
      heading: text,
      anchor,
      depth: node.depth,
      line,
      endLine,
      nodes,
    });
  }
  return sections;
}
