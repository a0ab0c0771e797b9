import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { relativeHref, resolveWikilink, type WikilinkTarget } from '../../core/links/resolveWikilink';
import type { SourceFileIndex } from '../../core/links/sourceFileIndex';
import { parseWikilink, WIKILINK_PATTERN, wikilinkText, type Wikilink } from '../../core/links/wikilinkSyntax';

export interface WikilinkOptions {
  /** Path of the runbook the links are in. */
  fromPath: string;
  /** The source's files; undefined while they are still being read (links then show as their text). */
  index?: SourceFileIndex | undefined;
}

/** Elements whose text is shown as written: code, and the text of links that are links already. */
const LITERAL = new Set(['a', 'code', 'pre', 'kbd', 'samp']);

/**
 * Obsidian wikilinks (`[[name]]`, `[[path/name#Heading|label]]`, `![[image.png]]`) become ordinary links
 * and images, which then go through the same link and image handling as Markdown ones. A link whose target
 * is missing or ambiguous is shown marked, saying why. Runs after the sanitizer: what it makes is not
 * content markup but the reader's own.
 */
export function rehypeWikilinks(options: WikilinkOptions) {
  return (tree: Root) => {
    const resolved = new Map<string, WikilinkTarget>();
    const resolve = (link: Wikilink, key: string) => {
      let target = resolved.get(key);
      if (!target && options.index) {
        target = resolveWikilink(options.fromPath, link, options.index);
        resolved.set(key, target);
      }
      return target;
    };
    const pending: (Root | Element)[] = [tree];
    while (pending.length > 0) {
      const parent = pending.pop()!;
      const children = parent.children as RootContent[];
      for (let i = 0; i < children.length; i++) {
        const child = children[i]!;
        if (child.type === 'element') {
          if (!LITERAL.has(child.tagName)) pending.push(child);
        } else if (child.type === 'text' && child.value.includes('[[')) {
          const parts = splitText(child, (link, key) => wikilinkElement(options.fromPath, link, resolve(link, key)));
          if (parts) {
            children.splice(i, 1, ...parts);
            i += parts.length - 1;
          }
        }
      }
    }
  };
}

function splitText(node: Text, make: (link: Wikilink, key: string) => ElementContent): ElementContent[] | undefined {
  const out: ElementContent[] = [];
  let at = 0;
  for (const match of node.value.matchAll(WIKILINK_PATTERN)) {
    if (match.index > at) out.push({ type: 'text', value: node.value.slice(at, match.index) });
    const link = parseWikilink(match[2]!, match[1] === '!');
    // The label does not change where a link points: one resolution per target, however it is labelled.
    out.push(make(link, `${link.embed ? '!' : ''}${link.target}#${link.heading ?? ''}`));
    at = match.index + match[0].length;
  }
  if (out.length === 0) return undefined;
  if (at < node.value.length) out.push({ type: 'text', value: node.value.slice(at) });
  return out;
}

const MARKDOWN = /\.(md|markdown)$/i;

function wikilinkElement(fromPath: string, link: Wikilink, target: WikilinkTarget | undefined): Element {
  const text: Text = { type: 'text', value: link.label ?? wikilinkText(link) };
  if (!target) return { type: 'element', tagName: 'span', properties: { className: ['rr-wikilink'] }, children: [text] };
  switch (target.kind) {
    case 'anchor':
      return { type: 'element', tagName: 'a', properties: { href: `#${target.anchor}` }, children: [text] };
    case 'file': {
      const href = relativeHref(fromPath, target.path, target.anchor);
      if (link.embed && !MARKDOWN.test(target.path)) {
        const name = target.path.slice(target.path.lastIndexOf('/') + 1);
        // `![[diagram.png|300]]` sets a width in Obsidian; any other label is the image's description.
        const width = link.label && /^\d{1,4}(x\d{1,4})?$/.test(link.label) ? Number(link.label.split('x')[0]) : undefined;
        const alt = width === undefined && link.label ? link.label : name;
        return { type: 'element', tagName: 'img', properties: { src: href, alt, width }, children: [] };
      }
      return { type: 'element', tagName: 'a', properties: { href }, children: [text] };
    }
    case 'missing':
    case 'ambiguous':
      return {
        type: 'element',
        tagName: 'span',
        properties: { className: ['rr-wikilink-broken'], title: target.reason, dataWikilink: target.kind },
        children: [
          text,
          {
            type: 'element',
            tagName: 'span',
            properties: { className: ['rr-visually-hidden'] },
            children: [{ type: 'text', value: ` (${target.reason})` }],
          },
        ],
      };
  }
}
