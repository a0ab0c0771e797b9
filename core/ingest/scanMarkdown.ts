import GithubSlugger from 'github-slugger';
import type { Heading, RunbookLink } from '../model';
import { resolveRunbookLink } from '../links/resolveRunbookLink';
import { detachString } from '../markdown/detachString';
import { inlineLineBreaks, inlineText, markdownTokens, tokenAttribute, type MarkdownToken } from '../markdown/markdownTokens';

export interface MarkdownScan {
  headings: Heading[];
  links: RunbookLink[];
}

/**
 * Collects headings (with the anchor ids GitHub would give them, in document order, so duplicates get
 * `-1`, `-2` …) and every link and image with the line it is on. `bodyLine` is the file line the Markdown
 * starts at, so reported lines are file lines.
 */
export function scanMarkdown(
  path: string,
  markdown: string,
  bodyLine = 1,
  tokens: readonly MarkdownToken[] = markdownTokens(markdown),
): MarkdownScan {
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  const links: RunbookLink[] = [];
  // Table cells carry no line of their own; they are on the line of the row last seen.
  let blockLine = 0;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.map) blockLine = token.map[0];
    if (token.type === 'heading_open') {
      const inline = tokens[i + 1];
      // The id is made from the heading's text as the rendered page has it (images and HTML left out,
      // spaces they leave at the edges kept), so that it is the id the reader's rehype-slug gives.
      const rendered = inline?.type === 'inline' ? inlineText(inline.children ?? [], 0, undefined, false) : '';
      headings.push({ depth: Number(token.tag.slice(1)), text: rendered.trim(), id: slugger.slug(rendered), line: blockLine + bodyLine });
    }
    if (token.type === 'inline' && token.children) {
      collectLinks(path, token.children, blockLine + bodyLine, links);
    }
  }
  return { headings, links };
}

function collectLinks(path: string, children: readonly MarkdownToken[], firstLine: number, links: RunbookLink[]): void {
  let line = firstLine;
  for (let i = 0; i < children.length; i++) {
    const token = children[i]!;
    if (token.type === 'image') {
      const href = detachString(tokenAttribute(token, 'src'));
      links.push({ href, text: detachString(inlineText(token.children ?? [])), line, target: resolveRunbookLink(path, href), image: true });
    } else if (token.type === 'link_open') {
      const text = detachString(inlineText(children, i + 1, closingLink(children, i)));
      const href = detachString(tokenAttribute(token, 'href'));
      links.push({ href, text, line, target: resolveRunbookLink(path, href), image: false });
    }
    line += inlineLineBreaks(token);
  }
}

/** Index of the `link_close` that ends the link opened at `open` (links do not nest in Markdown). */
function closingLink(children: readonly MarkdownToken[], open: number): number {
  for (let j = open + 1; j < children.length; j++) if (children[j]!.type === 'link_close') return j;
  return children.length;
}
