import MarkdownIt, { type Token } from 'markdown-it';

export type { Token as MarkdownToken } from 'markdown-it';

/**
 * The fast Markdown reader behind ingest, `check` and the search index: markdown-it's token stream is about
 * 30 times quicker to produce than an mdast tree from micromark, which is what makes a 1,000-runbook sync or
 * check take seconds instead of a minute. The reader still renders with react-markdown; the settings below
 * make markdown-it see the same headings and links as that renderer (CommonMark + GFM tables,
 * strikethrough and bare links).
 */
const parser = new MarkdownIt('default', { html: true, linkify: true });
// Link targets are kept exactly as written (escapes and entities decoded, nothing %-encoded), as mdast
// keeps them; judging a target (blocked schemes and so on) is resolveRunbookLink's job, not the parser's.
parser.normalizeLink = (url) => url;
parser.normalizeLinkText = (text) => text;
parser.validateLink = () => true;
// GFM links bare `www.` hosts but not other bare host names (`deploy.sh`); linkify's own fuzzy matching would
// take both and costs half the parse time, so `www.` is a prefix of its own here.
parser.linkify.set({ fuzzyLink: false, fuzzyEmail: true, fuzzyIP: false });
parser.linkify.add('www.', {
  validate: (text, pos) => wwwLinkLength(text.slice(pos)),
  normalize: (match) => {
    match.url = `http://${match.url}`;
  },
});
// Two of linkify's patterns are replaced, after its last compile (`add` above recompiles): its quick
// pre-test, which runs on every paragraph and carries Unicode classes for fuzzy links that are off here,
// and its e-mail pattern, replaced by GFM's rule (ASCII name, dotted host name). Together they were a
// quarter of all parsing time. The pre-test may say yes too often, never too rarely.
const EMAIL =
  '(^|[^a-zA-Z0-9._+-])([a-zA-Z0-9._+-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)+)';
parser.linkify.re.pretest = /https?:|ftp:|mailto:|\/\/|www\.|@/i;
parser.linkify.re.email_fuzzy = new RegExp(EMAIL);
parser.linkify.re.email_fuzzy_global = new RegExp(EMAIL, 'g');

// markdown-it's own first step rewrites every line ending, which copies the whole document even when
// nothing changes (and every link cut from the copy kept it alive); only CR and NUL need rewriting.
parser.core.ruler.at('normalize', (state) => {
  if (state.src.includes('\r')) state.src = state.src.replace(/\r\n?/g, '\n');
  if (state.src.includes('\0')) state.src = state.src.replace(/\0/g, '\uFFFD');
});

/** Block tokens of a Markdown body; inline content sits in the `children` of `inline` tokens. */
export function markdownTokens(markdown: string): Token[] {
  return parser.parse(markdown, {});
}

/**
 * The visible text of inline tokens as mdast-util-to-string gives it (text, inline code, image alt text; no
 * raw HTML), with line breaks kept as `\n`. `imageAlt: false` leaves images out, as the rendered page's
 * text does (a heading's anchor id is made from that).
 */
export function inlineText(tokens: readonly Token[], from = 0, to = tokens.length, imageAlt = true): string {
  let text = '';
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    switch (token.type) {
      case 'text':
      case 'code_inline':
        text += token.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        text += '\n';
        break;
      case 'image':
        if (imageAlt) text += inlineText(token.children ?? []);
        break;
    }
  }
  return text;
}

/** How many line breaks an inline token spans in the source (for the line a later link is on). */
export function inlineLineBreaks(token: Token): number {
  if (token.type === 'softbreak' || token.type === 'hardbreak') return 1;
  if (token.type === 'html_inline') return countNewlines(token.content);
  return 0;
}

function countNewlines(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) n++;
  return n;
}

/** An attribute of a token as text (`href`, `src`), `''` when absent. */
export function tokenAttribute(token: Token, name: string): string {
  const value = token.attrGet(name);
  return value === null ? '' : String(value);
}

const WWW_TAIL = /^[^\s<]+/u;

/**
 * Length of the link after `www.`, by GFM's rule for bare links: anything up to white space or `<`, minus trailing punctuation and an unbalanced closing parenthesis.
 */
function wwwLinkLength(tail: string): number {
  let link = WWW_TAIL.exec(tail)?.[0] ?? '';
  for (;;) {
    const trimmed = link.replace(/[?!.,:*_~'"]+$/, '');
    const unbalanced = trimmed.endsWith(')') && count(trimmed, '(') < count(trimmed, ')');
    const next = unbalanced ? trimmed.slice(0, -1) : trimmed;
    if (next === link) break;
    link = next;
  }
  // `www.` must be followed by a host name.
  return /^[\p{L}\p{N}]/u.test(link) ? link.length : 0;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}
