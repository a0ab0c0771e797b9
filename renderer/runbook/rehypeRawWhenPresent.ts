import type { Element, Nodes, Root, Text } from 'hast';
import type rehypeRaw from 'rehype-raw';
import type { VFile } from 'vfile';

export interface RawWhenPresentOptions {
  /** rehype-raw, loaded with the first body that has HTML (see formattingExtras); without it, HTML is shown as typed. */
  rehypeRaw?: typeof rehypeRaw | undefined;
}

/**
 * rehype-raw, run only on a tree that holds raw HTML. It parses the whole tree again as HTML, which was a
 * third of the time to format a slice of a long runbook that has no HTML in it at all. A tree without raw
 * nodes comes out of that parse as it went in, but for `data-*` flags (footnote marks), which the parse
 * writes as empty values; they are written the same way here, so the page is the same either way.
 */
export function rehypeRawWhenPresent(options: RawWhenPresentOptions = {}) {
  const parseRaw = options.rehypeRaw?.();
  return (tree: Root, file: VFile): Root => {
    const flagged: Element[] = [];
    const pending: Nodes[] = [tree];
    while (pending.length > 0) {
      const node = pending.pop()!;
      if (node.type === 'raw') return parseRaw ? parseRaw(tree, file) : rawAsText(tree);
      if (node.type === 'element' && Object.entries(node.properties).some(isDataFlag)) flagged.push(node);
      if ('children' in node) for (const child of node.children) pending.push(child);
    }
    for (const element of flagged) {
      for (const [name, value] of Object.entries(element.properties)) if (isDataFlag([name, value])) element.properties[name] = '';
    }
    return tree;
  };
}

function isDataFlag([name, value]: [string, unknown]): boolean {
  return value === true && /^data[A-Z]/.test(name);
}

/** Without the HTML parser (its chunk could not be loaded), the HTML stays on the page as typed rather than being dropped. */
function rawAsText(tree: Root): Root {
  const pending: Nodes[] = [tree];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (!('children' in node)) continue;
    node.children = node.children.map((child) => (child.type === 'raw' ? ({ type: 'text', value: child.value } satisfies Text) : child));
    for (const child of node.children) pending.push(child);
  }
  return tree;
}
