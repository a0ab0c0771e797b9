import { scanMarkdown } from '../ingest/scanMarkdown';
import { inlineText, markdownTokens, type MarkdownToken } from '../markdown/markdownTokens';
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
export function runbookSections(meta: Pick<RunbookMeta, 'headings'>, body: RunbookBody): RunbookSection[] {
  const tokens = markdownTokens(body.markdown);
  const headings = headingsOf(meta, body, tokens);
  const sections: RunbookSection[] = [];
  const open: Heading[] = [];
  let current: RunbookSection = { anchor: '', heading: '', depth: 0, parents: [], text: '' };
  let parts: string[] = [];
  let headingIndex = 0;

  const close = () => {
    current.text = parts
      .join('')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    if (current.depth > 0 || current.text !== '' || headings.length === 0) sections.push(current);
    parts = [];
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'heading_open') {
      // The heading's own text is the section's title, not part of its text.
      i += 2;
      const heading = headings[headingIndex++];
      if (!heading) continue;
      close();
      while (open.length > 0 && open[open.length - 1]!.depth >= heading.depth) open.pop();
      current = { anchor: heading.id, heading: heading.text, depth: heading.depth, parents: open.map((h) => h.text), text: '' };
      open.push(heading);
      continue;
    }
    let text = blockText(token);
    // GFM task items: the `[ ]` / `[x]` box is not text.
    if (token.type === 'inline' && tokens[i - 2]?.type === 'list_item_open') text = text.replace(/^\[[ xX]\][ \t]+/, '');
    if (text !== '') parts.push(text);
  }
  close();
  return sections;
}

/** Text a block token contributes. Raw HTML and link targets are not text; code is. */
function blockText(token: MarkdownToken): string {
  switch (token.type) {
    case 'inline':
      return inlineText(token.children ?? []);
    case 'fence':
    case 'code_block':
      return `\n${token.content.replace(/\n$/, '')}\n`;
    case 'paragraph_close':
    case 'list_item_close':
    case 'blockquote_close':
    case 'tr_close':
    case 'hr':
      return '\n';
    case 'th_close':
    case 'td_close':
      return ' | ';
    default:
      return '';
  }
}

/** The runbook's headings in document order, taken from ingest unless they no longer fit this body. */
function headingsOf(meta: Pick<RunbookMeta, 'headings'>, body: RunbookBody, tokens: readonly MarkdownToken[]): Heading[] {
  let count = 0;
  for (const token of tokens) if (token.type === 'heading_open') count++;
  if (meta.headings.length === count) return meta.headings;
  return scanMarkdown(body.path, body.markdown, body.bodyLine, tokens).headings;
}
