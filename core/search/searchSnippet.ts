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
}

const MAX_ROUGH_TERMS = 200;

export function termMatcher(terms: Iterable<string>): TermMatcher {
  const set = new Set(terms);
  const longestFirst = [...set].sort((a, b) => b.length - a.length).slice(0, MAX_ROUGH_TERMS);
  const rough = longestFirst.length > 0 ? new RegExp(longestFirst.map(escapeRegExp).join('|'), 'g') : undefined;
  return { terms: set, rough };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** Where the matched terms occur in `text` (whole identifiers or their parts), merged and sorted. */
export function highlightRanges(text: string, matched: TermMatcher | ReadonlySet<string>): TextRange[] {
  const terms = 'terms' in matched ? matched.terms : matched;
  const ranges: TextRange[] = [];
  if (terms.size === 0 || text === '') return ranges;
  scanSearchTokens(text, (term, start, end) => {
    if (terms.has(term)) ranges.push([start, end]);
  });
  return mergeRanges(ranges);
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
  return code <= 32 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

function collapseWhitespace(text: string, ranges: TextRange[]): Snippet {
  // map[i] = position in the collapsed text of the original character i.
  const map = new Uint32Array(text.length + 1);
  const pieces: string[] = [];
  let length = 0;
  let pieceStart = -1;
  let pendingSpace = false;
  for (let i = 0; i <= text.length; i++) {
    const space = i === text.length || isSpace(text.charCodeAt(i));
    if (space) {
      if (pieceStart !== -1) {
        if (pendingSpace) {
          pieces.push(' ');
          length++;
        }
        for (let k = pieceStart; k < i; k++) map[k] = length + (k - pieceStart);
        pieces.push(text.slice(pieceStart, i));
        length += i - pieceStart;
        pieceStart = -1;
        pendingSpace = true;
      }
      map[i] = length;
    } else if (pieceStart === -1) {
      pieceStart = i;
    }
  }
  return { text: pieces.join(''), ranges: ranges.map(([s, e]): TextRange => [map[s]!, map[e - 1]! + 1]).filter(([s, e]) => e > s) };
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
