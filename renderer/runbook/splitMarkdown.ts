/**
 * One slice of a runbook body that is formatted on its own, so a long document reaches the screen in steps
 * that each stay short (see ProgressiveMarkdown). Slices are cut only where no Markdown construct continues
 * across the cut: between top-level blocks, between the items of a top-level list, between table rows.
 */
export interface MarkdownPart {
  /** Markdown of the slice, plus the link reference definitions it uses from elsewhere in the document. */
  text: string;
  /** Body line (1-based) of each line of `text`, so checklist steps, contacts and anchors keep their lines. */
  bodyLineOf: (partLine: number) => number;
  /** First body line the slice covers. */
  firstLine: number;
  /** Shown as written, not formatted: a block too large to format in one step, or nested too deeply. */
  plain?: 'too-large' | 'too-deep' | undefined;
}

/** Bodies up to this size are formatted whole, exactly as written: one screen or two. */
export const WHOLE_BODY_CHARS = 4_000;
/**
 * Bodies up to this size are cut only between top-level blocks (never inside a table or a list), and are
 * formatted whole when something in them reaches across blocks (footnotes, HTML blocks). Above it, a body is
 * cut wherever it safely can be, as it must be to stay responsive.
 */
// Formatting a 17,000-character runbook whole was 150–190 ms of a cold start on a two-core machine, nearly all
// of it before the first line showed; its first slice alone takes a fraction of that.
export const WHOLE_DOCUMENT_CHARS = 24_000;
/** Target size of a slice: formatting one stays well under the 200 ms a page may be busy. */
// 3,000 rather than 6,000: Markdown parsing (micromark) is most of a slice's cost, and on a busy two-core
// machine a 6,000-character slice took 100–170 ms to parse alone.
const PART_CHARS = 3_000;
/**
 * Target size of a body's first slice, what a cold start waits for before any of the body shows: about a phone's
 * screen. A 3,000-character first slice (four sections of commands and tables) showed 150–200 ms after the page
 * around it on a two-core machine, a 1,200-character one 90–130 ms.
 */
const FIRST_PART_CHARS = 1_200;
/**
 * What a bracket or a pipe adds to a slice's size: each starts a link or a table cell, which costs about as
 * much to format and show as this many characters of prose (a slice of 150 wikilinks or 300 table cells
 * took 400–600 ms on a busy machine, one of prose 150 ms).
 */
const MARKUP_CHAR_WEIGHT = 8;
/** A block larger than this that cannot be cut (a paragraph, a code block) is shown as plain text. */
export const MAX_FORMATTED_BLOCK_CHARS = 30_000;
/** Nesting (lists in lists, quotes in quotes) beyond which a block is shown as plain text. */
export const MAX_NESTING = 32;

/** A run of lines the scanner found no safe cut in. */
interface Unit {
  from: number; // 0-based line, inclusive
  to: number; // exclusive
  chars: number;
  /** Size for cutting into slices: the characters, plus MARKUP_CHAR_WEIGHT for each `[` and `|`. */
  weight: number;
  depth: number;
  /** Lines of the table header to repeat when a slice starts here (inside a table). */
  tableHeader?: number | undefined;
  /** Number to give the first item when a slice starts here (inside an ordered list). */
  itemNumber?: number | undefined;
}

interface Cut {
  line: number;
  tableHeader?: number | undefined;
  itemNumber?: number | undefined;
}

/** Cuts a runbook body into slices formatted one after another; a short body is one slice, as written. */
export function splitMarkdown(markdown: string): MarkdownPart[] {
  const split = startSplit(markdown);
  while (!split.scan(Number.POSITIVE_INFINITY));
  return split.parts();
}

/** A split of a body done in steps: `scan` reads up to so many more lines and says whether all are read. */
export interface MarkdownSplit {
  scan(lines: number): boolean;
  /** The slices, once `scan` said every line is read. */
  parts(): MarkdownPart[];
}

/**
 * Starts cutting a body into slices, a number of lines at a time: a body of 30,000 lines took a phone-speed
 * page over 100 ms to cut in one go, and the largest runbooks are several times that.
 */
export function startSplit(markdown: string): MarkdownSplit {
  const lines = markdown.split('\n');
  const medium = markdown.length <= WHOLE_DOCUMENT_CHARS;
  // A short body is formatted whole unless something in it is nested too deeply to format at all.
  if (
    medium &&
    (markdown.length <= WHOLE_BODY_CHARS || reachesAcrossBlocks(markdown)) &&
    !lines.some((line) => nestingOf(line) > MAX_NESTING)
  ) {
    const whole = [{ text: markdown, bodyLineOf: (line: number) => line, firstLine: 1 }];
    return { scan: () => true, parts: () => whole };
  }
  const scanner = new UnitScanner(lines, medium);
  return {
    scan: (count) => scanner.scan(count),
    parts: () => groupUnits(lines, scanner.units(), scanner.definitions),
  };
}

function groupUnits(lines: string[], units: Unit[], definitions: Map<string, string>): MarkdownPart[] {
  const parts: MarkdownPart[] = [];
  let group: Unit[] = [];
  let groupChars = 0;
  const flush = () => {
    if (group.length > 0) parts.push(partOf(lines, group, definitions));
    group = [];
    groupChars = 0;
  };
  for (const unit of units) {
    const plain = unit.depth > MAX_NESTING ? 'too-deep' : unit.chars > MAX_FORMATTED_BLOCK_CHARS ? 'too-large' : undefined;
    if (plain) {
      flush();
      parts.push({
        text: lines.slice(unit.from, unit.to).join('\n'),
        bodyLineOf: (line) => unit.from + line,
        firstLine: unit.from + 1,
        plain,
      });
      continue;
    }
    if (groupChars > 0 && groupChars + unit.weight > (parts.length === 0 ? FIRST_PART_CHARS : PART_CHARS)) flush();
    group.push(unit);
    groupChars += unit.weight;
  }
  flush();
  return parts;
}

function partOf(lines: string[], group: Unit[], definitions: Map<string, string>): MarkdownPart {
  const first = group[0]!;
  const from = first.from;
  const to = group[group.length - 1]!.to;
  const own = lines.slice(from, to);
  if (first.itemNumber !== undefined)
    own[0] = own[0]!.replace(/^(\s*)\d{1,9}(?=[.)])/, (_, indent: string) => `${indent}${first.itemNumber}`);
  if (first.tableHeader !== undefined) {
    // A slice of a table repeats the header and delimiter rows, then has its own rows.
    const header = lines.slice(first.tableHeader, first.tableHeader + 2);
    const headerAt = first.tableHeader;
    return {
      text: withDefinitions([...header, ...own].join('\n'), definitions),
      bodyLineOf: (line) => (line <= 2 ? headerAt + line : from + line - 2),
      firstLine: from + 1,
    };
  }
  return { text: withDefinitions(own.join('\n'), definitions), bodyLineOf: (line) => from + line, firstLine: from + 1 };
}

/** A footnote definition: its number depends on every reference before it, in any block. */
const FOOTNOTE_DEFINITION = /^ {0,3}\[\^[^\]\n]+\]:/m;
/** A line that may start an HTML block, which can hold blank lines and wrap later blocks (`<details>`). */
const HTML_LINE = /^ {0,3}<[A-Za-z/!?]/m;

/**
 * Whether cutting a body between blocks would change how it looks: footnotes are numbered and gathered at
 * the end of the whole body, and raw HTML (a `<details>` around several paragraphs) can wrap what follows.
 */
function reachesAcrossBlocks(markdown: string): boolean {
  return FOOTNOTE_DEFINITION.test(markdown) || HTML_LINE.test(markdown);
}

const FENCE = /^\s*(`{3,}|~{3,})/;
const HTML_BLOCK: [RegExp, RegExp][] = [
  [/^ {0,3}<(script|pre|style|textarea)(\s|>|$)/i, /<\/(script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
const LIST_MARKER = /^([-+*]|(\d{1,9})([.)]))(?=[ \t]|$)/;
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const ATX_HEADING = /^#{1,6}(\s|$)/;
const DEFINITION = /^ {0,3}\[((?:[^\]\\\n]|\\.){1,999})\]:\s*\S/;
const CONTAINER_AT = / {0,3}(?:[-+*]|\d{1,9}[.)]|>)(?:[ \t]+|$)/y;
/** A line of nothing but white space (what `trim()` removes), tested without making the trimmed copy. */
const BLANK = /^\s*$/;
const NON_BLANK = /\S/;

/**
 * One pass over the lines, in steps. A cut is safe before a line that starts in column 0 after a blank line,
 * before an ATX heading, before an item of a top-level list and before a table row, but never inside fenced
 * code or an HTML block (which may hold blank lines).
 */
class UnitScanner {
  readonly definitions = new Map<string, string>();
  private readonly cuts: Cut[] = [{ line: 0 }];
  private readonly depths: number[] = [];
  private fence: { char: string; length: number } | undefined;
  private htmlEnd: RegExp | undefined;
  private table: { header: number; body: number } | undefined;
  private list: { kind: string; next: number } | undefined;
  private prevBlank = true;
  private next = 0;

  /**
   * @param blocksOnly cut only between top-level blocks: a table or a list stays in one slice, as a body of
   *   medium size loses nothing by it and would otherwise show a table's header twice or a list as two lists.
   */
  constructor(
    private readonly lines: string[],
    private readonly blocksOnly = false,
  ) {}

  /** Reads up to `count` more lines; true once every line is read. */
  scan(count: number): boolean {
    const { lines, cuts, depths, definitions } = this;
    let { fence, htmlEnd, table, list, prevBlank } = this;
    const end = Math.min(lines.length, this.next + count);
    for (let i = this.next; i < end; i++) {
      const line = lines[i]!;
      if (fence) {
        const close = FENCE.exec(line);
        if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length && line.trim() === close[1]) fence = undefined;
        prevBlank = false;
        depths.push(0);
        continue;
      }
      if (htmlEnd) {
        if (htmlEnd.test(line)) htmlEnd = undefined;
        prevBlank = BLANK.test(line);
        depths.push(0);
        continue;
      }
      if (BLANK.test(line)) {
        table = undefined;
        prevBlank = true;
        depths.push(0);
        continue;
      }
      const column0 = line[0] !== ' ' && line[0] !== '\t';
      let cut: Cut | undefined;
      if (table && i >= table.body) {
        if (line.includes('|') && !FENCE.test(line) && !/^\s*[>#]/.test(line)) {
          if (this.blocksOnly) {
            depths.push(nestingOf(line));
            prevBlank = false;
            continue;
          }
          cut = { line: i, tableHeader: table.header };
        } else table = undefined;
      }
      if (!cut && column0 && (prevBlank || ATX_HEADING.test(line))) cut = { line: i };
      const marker = column0 && mayStartList(line.charCodeAt(0)) ? LIST_MARKER.exec(line) : null;
      if (marker) {
        const kind = marker[2] ? `ordered${marker[3]}` : marker[1]!;
        if (list && list.kind === kind && (cut || !table)) {
          cut = this.blocksOnly ? undefined : { line: i, itemNumber: marker[2] ? list.next : undefined };
          list.next++;
        } else if (cut || (line.trim().length > 1 && (!marker[2] || marker[2] === '1'))) {
          // A bullet list, or one numbered from 1, may start right under a paragraph line.
          cut ??= { line: i };
          list = { kind, next: (marker[2] ? Number(marker[2]) : 1) + 1 };
        }
      } else if (cut) {
        list = undefined;
      }
      if (
        !table &&
        (cut || i === 0) &&
        line.includes('|') &&
        TABLE_DELIMITER.test(lines[i + 1] ?? '') &&
        (lines[i + 1] ?? '').includes('-')
      ) {
        table = { header: i, body: i + 2 };
      }
      const first = line[line.search(NON_BLANK)];
      const fenceOpen = first === '`' || first === '~' ? FENCE.exec(line) : null;
      if (fenceOpen) fence = { char: fenceOpen[1]![0]!, length: fenceOpen[1]!.length };
      else if (first === '<') {
        const html = HTML_BLOCK.find(([open]) => open.test(line));
        if (html && !html[1].test(line.replace(html[0], ''))) htmlEnd = html[1];
      }
      const definition = first === '[' ? DEFINITION.exec(line) : null;
      if (definition) {
        const key = normalizeLabel(definition[1]!);
        if (!definitions.has(key)) definitions.set(key, line.trim());
      }
      if (cut && i > 0) cuts.push(cut);
      depths.push(nestingOf(line));
      prevBlank = false;
    }
    this.fence = fence;
    this.htmlEnd = htmlEnd;
    this.table = table;
    this.list = list;
    this.prevBlank = prevBlank;
    this.next = end;
    return end === lines.length;
  }

  /** The runs between cuts, with their sizes; once every line is read. */
  units(): Unit[] {
    const { lines, cuts, depths } = this;
    const units: Unit[] = [];
    for (let c = 0; c < cuts.length; c++) {
      const from = cuts[c]!.line;
      const to = cuts[c + 1]?.line ?? lines.length;
      let chars = 0;
      let markup = 0;
      let depth = 0;
      for (let i = from; i < to; i++) {
        chars += lines[i]!.length + 1;
        markup += markupCharsOf(lines[i]!);
        if (depths[i]! > depth) depth = depths[i]!;
      }
      units.push({
        from,
        to,
        chars,
        weight: chars + MARKUP_CHAR_WEIGHT * markup,
        depth,
        tableHeader: cuts[c]!.tableHeader,
        itemNumber: cuts[c]!.itemNumber,
      });
    }
    return units;
  }
}

/** Brackets and pipes in a line: the links and table cells it may hold. */
function markupCharsOf(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x5b || c === 0x7c) n++; // [ |
  }
  return n;
}

/** How deeply a line is nested: container markers at its start (`- `, `1. `, `> `) and its indentation. */
// Called for every line of a long body: it reads the markers in place (a sticky pattern moved along the
// line) rather than cutting the line after each, which left a body of 30,000 list items 30,000 strings of garbage.
function nestingOf(line: string): number {
  const code = line.charCodeAt(0);
  const indented = code === 0x20 || code === 0x09;
  if (!indented && code !== 0x3e && !mayStartList(code)) return 0; // not `>`, a list marker or indentation
  let at = containerAt(line, 0);
  if (!indented && at === 0) return 0;
  let indent = 0;
  while (line[indent] === ' ' || line[indent] === '\t') indent++;
  let depth = Math.floor(indent / 2);
  for (; at > 0 && depth <= MAX_NESTING; at = containerAt(line, at)) depth++;
  return depth;
}

/** Where the container marker starting at `from` ends, or 0 when none starts there. */
function containerAt(line: string, from: number): number {
  CONTAINER_AT.lastIndex = from;
  return CONTAINER_AT.test(line) ? CONTAINER_AT.lastIndex : 0;
}

/** Whether a line starting with this character code can be a list item (`-`, `+`, `*` or a digit). */
function mayStartList(code: number): boolean {
  return code === 0x2d || code === 0x2b || code === 0x2a || (code >= 0x30 && code <= 0x39);
}

const LABEL = /\[((?:[^\]\\\n]|\\.){1,999})\]/g;

/** Reference links (`[text][label]`) work in every slice: the definitions it uses are added at its end. */
function withDefinitions(text: string, definitions: Map<string, string>): string {
  if (definitions.size === 0) return text;
  const added = new Set<string>();
  for (const match of text.matchAll(LABEL)) {
    const definition = definitions.get(normalizeLabel(match[1]!));
    if (definition && !text.includes(definition)) added.add(definition);
  }
  return added.size > 0 ? `${text}\n\n${[...added].join('\n')}` : text;
}

function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase().toUpperCase();
}
