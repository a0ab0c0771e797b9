import GithubSlugger from 'github-slugger';
import type { Heading as MdHeading, Link, Image, Root, Definition, LinkReference, ImageReference } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { visit } from 'unist-util-visit';
import type { Heading, RunbookLink } from '../model';
import { resolveRunbookLink } from '../links/resolveRunbookLink';

export interface MarkdownScan {
  headings: Heading[];
  links: RunbookLink[];
}

/** Parses GitHub-flavoured Markdown the same way the renderer does (micromark + GFM). */
export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/**
 * Collects headings (with the anchor ids GitHub would give them, in document order, so duplicates get
 * `-1`, `-2` …) and every link and image with the line it is on. `bodyLine` is the file line the Markdown
 * starts at, so reported lines are file lines.
 */
export function scanMarkdown(path: string, markdown: string, bodyLine = 1, tree: Root = parseMarkdown(markdown)): MarkdownScan {
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  const links: RunbookLink[] = [];
  const definitions = new Map<string, Definition>();
  const lineOf = (node: { position?: { start: { line: number } } }) => (node.position?.start.line ?? 1) + bodyLine - 1;

  visit(tree, 'definition', (node: Definition) => {
    definitions.set(node.identifier.toLowerCase(), node);
  });

  visit(tree, (node) => {
    switch (node.type) {
      case 'heading': {
        const h = node as MdHeading;
        const text = toString(h, { includeHtml: false }).trim();
        headings.push({ depth: h.depth, text, id: slugger.slug(text), line: lineOf(h) });
        break;
      }
      case 'link':
      case 'image': {
        const l = node as Link | Image;
        const text = l.type === 'image' ? (l.alt ?? '') : toString(l);
        links.push({ href: l.url, text, line: lineOf(l), target: resolveRunbookLink(path, l.url), image: l.type === 'image' });
        break;
      }
      case 'linkReference':
      case 'imageReference': {
        const r = node as LinkReference | ImageReference;
        const def = definitions.get(r.identifier.toLowerCase());
        if (!def) break;
        const text = r.type === 'imageReference' ? (r.alt ?? '') : toString(r);
        links.push({ href: def.url, text, line: lineOf(r), target: resolveRunbookLink(path, def.url), image: r.type === 'imageReference' });
        break;
      }
    }
  });
  return { headings, links };
}
