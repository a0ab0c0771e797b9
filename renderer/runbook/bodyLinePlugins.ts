import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * A slice of a long runbook is parsed on its own (see splitMarkdown); this moves its syntax tree's line
 * numbers to where the slice sits in the whole body, so checklist steps, contacts sections and headings are
 * matched by the same lines as in the whole document. Runs first among the remark plugins.
 */
export function remarkBodyLines(options: { bodyLineOf?: ((line: number) => number) | undefined }) {
  return (tree: MdastRoot) => {
    const bodyLineOf = options.bodyLineOf;
    if (!bodyLineOf) return;
    visit(tree, (node) => {
      const position = node.position;
      if (!position) return;
      node.position = {
        start: { ...position.start, line: bodyLineOf(position.start.line) },
        end: { ...position.end, line: bodyLineOf(position.end.line) },
      };
    });
  };
}

/**
 * Headings get the anchor ids ingest recorded for their line: a slice cannot number repeated headings
 * (`setup`, `setup-1`) by itself, the whole document's list can. Runs after rehype-slug, which stays the
 * fallback for a heading ingest did not list.
 */
export function rehypeHeadingIds(options: { idsByLine?: ReadonlyMap<number, string> | undefined }) {
  return (tree: HastRoot) => {
    const ids = options.idsByLine;
    if (!ids || ids.size === 0) return;
    visit(tree, 'element', (node) => {
      if (!/^h[1-6]$/.test(node.tagName)) return;
      const line = node.position?.start.line;
      const id = line === undefined ? undefined : ids.get(line);
      if (id) node.properties = { ...node.properties, id };
    });
  };
}
