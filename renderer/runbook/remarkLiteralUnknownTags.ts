import type { Root } from 'mdast';
import { escapeUnknownHtmlTags } from '../../core/markdown/escapeUnknownHtmlTags';
import { eachNodeOfType } from '../../core/markdown/mdastWalk';

/**
 * Raw HTML in a runbook is parsed and then sanitized; a tag no browser knows (`<tracker-issue-number>`)
 * would vanish on the way, taking the author's text with it. This turns such tags into literal text first.
 */
export function remarkLiteralUnknownTags() {
  return (tree: Root) => {
    eachNodeOfType(tree, 'html', (node) => {
      node.value = escapeUnknownHtmlTags(node.value);
    });
  };
}
