import GithubSlugger from 'github-slugger';
import type { Heading, Root, RootContent } from 'mdast';
import { eachNodeOfType, nodeText } from '../markdown/mdastWalk';
import { parseMarkdownTree } from '../markdown/markdownTree';
import type { Heading as RunbookHeading } from '../model';

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

/** Words of a contacts heading; at least one of `CORE_WORDS` must be there. */
const CORE_WORDS = new Set(['contact', 'contacts', 'escalation', 'escalations', 'on-call', 'oncall']);
const HEADING_WORDS = new Set([
  ...CORE_WORDS,
  'emergency',
  'path',
  'paths',
  'procedure',
  'procedures',
  'policy',
  'policies',
  'and',
  'key',
  'list',
  'matrix',
  'information',
  'info',
  'details',
  'team',
  'teams',
  'incident',
  'urgent',
  'support',
  'rotation',
  'points',
  'point',
  'of',
  'the',
  'us',
  'who',
  'to',
  'call',
  'people',
  'escalate',
  'chain',
  'tree',
  'roster',
]);

/**
 * True for headings such as "Emergency Contacts", "Contacts", "Contact", "Escalation", "Escalation Path",
 * "Contact Procedures", "On-call" — any case, with numbering ("5. Contacts"), emoji or trailing colon.
 * Every word of the heading must belong to that vocabulary, so "Permission Escalation" (a runbook about
 * access) or "For On-Call Engineers" are not contacts sections.
 */
export function isContactHeading(text: string): boolean {
  const lower = text.toLowerCase();
  // Every accepted heading has one of these in it; most headings have none and skip the word splitting.
  if (!/contact|escalation|call/.test(lower)) return false;
  const tokens = lower
    .replace(/\bon[\s-]+call\b/g, 'on-call')
    .replace(/^\s*(?:\d+(?:\.\d+)*|[a-z])[.)]\s+/, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}\s-]+/gu, ' ')
    .split(/\s+/)
    .map((t) => t.replace(/^-+|-+$/g, ''))
    .filter(Boolean);
  if (tokens.join(' ') === 'who to call') return true;
  return tokens.some((t) => CORE_WORDS.has(t)) && tokens.every((t) => HEADING_WORDS.has(t));
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

/** Where a contacts section is, known from ingest's headings alone. */
export interface ContactSectionRange {
  heading: RunbookHeading;
  /** 1-based file line of the heading. */
  line: number;
  /** 1-based file line just before the next heading of the same or a higher level (or the last line). */
  endLine: number;
}

/**
 * The contacts sections of a cached runbook from `RunbookMeta.headings` (which ingest took from the
 * Markdown parser), without parsing the body again: cheap enough to run for every runbook shown, for
 * example to make the lines of a rendered runbook's contacts sections tappable. `lastLine` is the file's
 * last line (`body.bodyLine + number of body lines - 1`). Nested contacts headings belong to the outer one.
 */
export function contactSectionRanges(headings: readonly RunbookHeading[], lastLine: number): ContactSectionRange[] {
  const ranges: ContactSectionRange[] = [];
  headings.forEach((heading, index) => {
    if (ranges.some((r) => heading.line >= r.line && heading.line <= r.endLine)) return;
    if (!isContactHeading(heading.text)) return;
    const next = headings.slice(index + 1).find((h) => h.depth <= heading.depth && h.line > heading.line);
    ranges.push({ heading, line: heading.line, endLine: next ? next.line - 1 : lastLine });
  });
  return ranges;
}
