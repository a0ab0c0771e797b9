/** One `[[target#heading|label]]` (or `![[embed]]`) as written. */
export interface Wikilink {
  /** `![[…]]`: the target is shown in place (an image), not linked. */
  embed: boolean;
  /** File name or path, as written: `setup`, `ops/setup.md`, `../shared/setup`; empty for `[[#Heading]]`. */
  target: string;
  heading?: string | undefined;
  label?: string | undefined;
}

/**
 * A wikilink in text. The body is bounded so a stray `[[` never makes the pattern scan a whole page, and it
 * cannot hold brackets or a line break, as in Obsidian.
 */
export const WIKILINK_PATTERN = /(!?)\[\[([^[\]\n]{1,400})\]\]/g;

/** Reads the part between `[[` and `]]`. */
export function parseWikilink(inner: string, embed: boolean): Wikilink {
  // `\|` is how a wikilink inside a table row escapes its label bar.
  const bar = inner.search(/\\?\|/);
  const destination = bar === -1 ? inner : inner.slice(0, bar);
  const rawLabel =
    bar === -1
      ? undefined
      : inner
          .slice(bar)
          .replace(/^\\?\|/, '')
          .trim();
  const hash = destination.indexOf('#');
  const target = (hash === -1 ? destination : destination.slice(0, hash)).trim();
  // Heading chains (`#Deploy#Rollback`) name the last heading; block references (`#^id`) have no anchor here.
  const headings = hash === -1 ? [] : destination.slice(hash + 1).split('#');
  const lastHeading = headings.at(-1)?.trim();
  const heading = lastHeading && !lastHeading.startsWith('^') ? lastHeading : undefined;
  return { embed, target, heading, label: rawLabel || undefined };
}

/** What a wikilink shows when it has no label of its own: the target as written, and its heading. */
export function wikilinkText(link: Wikilink): string {
  const name = link.target.replace(/\.md$/i, '');
  if (!link.heading) return name || link.target;
  return name ? `${name} › ${link.heading}` : link.heading;
}

export interface WikilinkInText {
  link: Wikilink;
  /** The link as written, brackets included. */
  raw: string;
  /** 1-based line in the text searched. */
  line: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Every wikilink in a Markdown text, with its line, outside fenced code blocks and inline code: the links
 * `check` judges. A plain line scan (no Markdown parse), so it costs next to nothing on a large tree.
 */
export function findWikilinksInMarkdown(markdown: string): WikilinkInText[] {
  const found: WikilinkInText[] = [];
  let fence: string | undefined;
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const opening = FENCE.exec(line);
    if (fence !== undefined) {
      if (opening && opening[1]![0] === fence[0] && opening[1]!.length >= fence.length && line.trim() === opening[1]) fence = undefined;
      continue;
    }
    if (opening) {
      fence = opening[1];
      continue;
    }
    if (!line.includes('[[')) continue;
    const prose = line.replace(/(`+)[^`]*?\1/g, (code) => ' '.repeat(code.length));
    for (const match of prose.matchAll(WIKILINK_PATTERN)) {
      found.push({ link: parseWikilink(match[2]!, match[1] === '!'), raw: match[0], line: i + 1 });
    }
  }
  return found;
}
