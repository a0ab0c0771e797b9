import type { Nodes } from 'mdast';

/*
 * Walks over mdast trees without recursion. Runbook content decides how deep a tree goes (`*` sixteen
 * thousand times nests emphasis eight thousand levels), and a recursive walk over that overflows the stack;
 * these loops go as deep as the content does.
 */

export interface NodeTextOptions {
  /** Include image alt text (default true), as mdast-util-to-string does. */
  includeImageAlt?: boolean | undefined;
  /** Include raw HTML (default true), as mdast-util-to-string does. */
  includeHtml?: boolean | undefined;
}

/** The plain text of a node and its descendants, exactly as mdast-util-to-string gives it. */
export function nodeText(node: Nodes | readonly Nodes[], options: NodeTextOptions = {}): string {
  const includeImageAlt = options.includeImageAlt ?? true;
  const includeHtml = options.includeHtml ?? true;
  let text = '';
  const pending: Nodes[] = Array.isArray(node) ? [...(node as readonly Nodes[])].reverse() : [node as Nodes];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if ('value' in current) {
      if (current.type !== 'html' || includeHtml) text += current.value;
    } else if (includeImageAlt && 'alt' in current && current.alt) {
      text += current.alt;
    } else if ('children' in current) {
      const children = current.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]!);
    }
  }
  return text;
}

/** Calls `visit` for every node of the given type, in document order (a parent before its children). */
export function eachNodeOfType<T extends Nodes['type']>(tree: Nodes, type: T, visit: (node: Extract<Nodes, { type: T }>) => void): void {
  const pending: Nodes[] = [tree];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (current.type === type) visit(current as Extract<Nodes, { type: T }>);
    if ('children' in current) {
      const children = current.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]!);
    }
  }
}
