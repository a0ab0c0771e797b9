import { scanSearchTokens } from './scanSearchTokens';

/** `[start, end)` UTF-16 offsets into a string, for the UI to wrap in `<mark>`. */
export type TextRange = [start: number, end: number];

export interface Snippet {
  /** Plain text (whitespace collapsed), with `…` where it was cut. */
  text: string;
  /** Matched words, sorted and not overlapping. */
  ranges: TextRange[];
}

/** The terms a query matched, ready to find in many texts (compiled once per query). */
export interface TermMatcher {
  terms: ReadonlySet<string>;
  /** Substring search for all terms at once, to place snippets in long texts without tokenizing them. */
  rough: RegExp | undefined;
  /** `rough` looks for every term (not only the longest `MAX_ROUGH_TERMS`). */
  roughFindsAll: boolean;
}

const MAX_ROUGH_TERMS = 200;
/** Past this many substring hits in one text, `highlightRanges` tokenizes the rest of it whole. */
const DENSE_HITS = 8;
const ASCII = /^[\x00-\x7f]*$/;

export function termMatcher(terms: Iterable<string>): TermMatcher {
  const set = new Set(terms);
  const longestFirst = [...set].sort((a, b) => b.length - a.length).slice(0, MAX_ROUGH_TERMS);
  const rough = longestFirst.length > 0 ? new RegExp(longestFirst.map(escapeRegExp).join('|'), 'g') : undefined;
  return { terms: set, rough, roughFindsAll: set.size <= MAX_ROUGH_TERMS };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** Where the matched terms occur in `text` (whole identifiers or their parts), merged and sorted. */
export function highlightRanges(text: string, matched: TermMatcher | ReadonlySet<string>): TextRange[] {
  const terms = 'terms' in matched ? matched.terms : matched;
  const ranges: TextRange[] = [];
  if (terms.size === 0 || text === '') return ranges;
  const visit = (offset: number) => (term: string, start: number, end: number) => {
    if (terms.has(term)) ranges.push([offset + start, offset + end]);
  };
  if ('rough' in matched && matched.rough && matched.roughFindsAll && ASCII.test(text)) {
    // ASCII folds to its lower case, so a matching token contains a substring hit and lies in the identifier
    // around it: only those identifiers are tokenized, not the whole text.
    const lower = text.toLowerCase();
    const pattern = matched.rough;
    pattern.lastIndex = 0;
    let hits = 0;
    for (let hit = pattern.exec(lower); hit !== null; hit = pattern.exec(lower)) {
      let start = hit.index;
      while (start > 0 && isIdentifierChar(text.charCodeAt(start - 1))) start--;
      if (++hits > DENSE_HITS) {
        // Most words match (a query of everyday words): tokenizing the rest in one go is cheaper.
        scanSearchTokens(text.slice(start), visit(start));
        break;
      }
      let end = hit.index + hit[0].length;
      while (end < text.length && isIdentifierChar(text.charCodeAt(end))) end++;
      scanSearchTokens(text.slice(start, end), visit(start));
      pattern.lastIndex = end;
    }
  } else {
    scanSearchTokens(text, visit(0));
  }
  return mergeRanges(ranges);
}

/** ASCII letters, digits and the characters that join an identifier's parts (`-_.:/@`). */
function isIdentifierChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 45 ||
    code === 95 ||
    code === 46 ||
    code === 58 ||
    code === 47 ||
    code === 64
  );
}

/**
 * A window of about `maxChars` characters of `text` around the densest cluster of matched terms (or its start
 * when nothing matched), cut at spaces, with the matches' ranges relative to the snippet. Only the window is
 * tokenized: a long text is searched for the terms by substring first.
 */
export function buildSnippet(text: string, matched: TermMatcher, maxChars = 180): Snippet {
  let from = 0;
  if (text.length > maxChars) {
    const hits = roughHits(text, matched);
    if (hits.length > 0) from = bestWindowStart(text, hits, maxChars);
  }
  let to = Math.min(text.length, from + maxChars);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > from + maxChars / 2) to = space;
  }
  const window = text.slice(from, to);
  const collapsed = collapseWhitespace(window, highlightRanges(window, matched));
  const lead = from > 0 ? '…' : '';
  const tail = to < text.length ? '…' : '';
  return {
    text: lead + collapsed.text + tail,
    ranges: collapsed.ranges.map(([s, e]): TextRange => [s + lead.length, e + lead.length]),
  };
}

/** Approximate positions of the matched terms (substring search), enough to choose where the snippet goes. */
function roughHits(text: string, matched: TermMatcher): TextRange[] {
  const hits: TextRange[] = [];
  const pattern = matched.rough;
  if (pattern) {
    const lower = text.toLowerCase();
    pattern.lastIndex = 0;
    for (let m = pattern.exec(lower); m !== null && hits.length < 64; m = pattern.exec(lower)) hits.push([m.index, m.index + m[0].length]);
  }
  // Accents are folded in terms but not by `toLowerCase`: fall back to real tokenizing for such text.
  if (hits.length === 0 && /[^\x00-\x7f]/.test(text)) return highlightRanges(text, matched);
  return hits;
}

/** Start of the window that holds the most distinct matched words, nudged back a little for context. */
function bestWindowStart(text: string, hits: TextRange[], maxChars: number): number {
  let bestStart = hits[0]![0];
  let bestCount = 0;
  let j = 0;
  const counts = new Map<string, number>();
  for (let i = 0; i < hits.length; i++) {
    const windowEnd = hits[i]![0] + maxChars;
    while (j < hits.length && hits[j]![1] <= windowEnd) {
      const word = text.slice(hits[j]![0], hits[j]![1]).toLowerCase();
      counts.set(word, (counts.get(word) ?? 0) + 1);
      j++;
    }
    if (counts.size > bestCount) {
      bestCount = counts.size;
      bestStart = hits[i]![0];
    }
    const word = text.slice(hits[i]![0], hits[i]![1]).toLowerCase();
    const left = (counts.get(word) ?? 1) - 1;
    if (left === 0) counts.delete(word);
    else counts.set(word, left);
  }
  const context = Math.min(40, Math.floor(maxChars / 4));
  let start = Math.max(0, bestStart - context);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < bestStart) start = space + 1;
  }
  return start;
}

function isSpace(code: number): boolean {
  return (
    code <= 32 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Reused by `collapseWhitespace` (which calls nothing that could re-enter it), grown as needed. */
let positionMap = new Uint32Array(512);

function collapseWhitespace(text: string, ranges: TextRange[]): Snippet {
  // map[i] = position in the collapsed text of the original character i.
  if (positionMap.length <= text.length) positionMap = new Uint32Array(2 * (text.length + 1));
  const map = positionMap;
  let out = '';
  let pieceStart = -1;
  let pendingSpace = false;
  for (let i = 0; i <= text.length; i++) {
    const space = i === text.length || isSpace(text.charCodeAt(i));
    if (space) {
      if (pieceStart !== -1) {
        if (pendingSpace) out += ' ';
        for (let k = pieceStart; k < i; k++) map[k] = out.length + (k - pieceStart);
        out += text.slice(pieceStart, i);
        pieceStart = -1;
        pendingSpace = true;
      }
      map[i] = out.length;
    } else if (pieceStart === -1) {
      pieceStart = i;
    }
  }
  const mapped: TextRange[] = [];
  for (let r = 0; r < ranges.length; r++) {
    const start = map[ranges[r]![0]]!;
    const end = map[ranges[r]![1] - 1]! + 1;
    if (end > start) mapped.push([start, end]);
  }
  return { text: out, ranges: mapped };
}

function mergeRanges(ranges: TextRange[]): TextRange[] {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: TextRange[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}
