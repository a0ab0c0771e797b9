import { foldSearchText } from './foldSearchText';

/**
 * How a term was found in the text:
 * - `word`: a plain word (`rollback`, `p95`, `503`);
 * - `compound`: a whole identifier made of several parts (`kube-apiserver`, `api.clpr.tv`, `MOD_BAN_SYNC`,
 *   `MiniSearch`), kept whole so it can be searched exactly as written;
 * - `part`: one part of a compound (`kube`, `apiserver`), so each part is searchable on its own;
 * - `cjk`: a character bigram of Chinese, Japanese or Korean text (or a single character when the run is one
 *   character long), since those scripts do not separate words with spaces.
 */
export type SearchTokenKind = 'word' | 'compound' | 'part' | 'cjk';

/** Called for every term in order; `start`/`end` are UTF-16 offsets of the term in the scanned text. */
export type SearchTokenVisitor = (term: string, start: number, end: number, kind: SearchTokenKind) => void;

/** Longer chunks (base64, long URLs) are not useful as one term; their parts still are. */
const MAX_COMPOUND_LENGTH = 96;
const MAX_PART_LENGTH = 64;
const MAX_PARTS_PER_CHUNK = 24;

// Character classes, cached per UTF-16 code unit (astral characters are classified as a pair).
const SEPARATOR = 1;
const WORD_LOWER = 2;
const WORD_UPPER = 3;
/** Letters without case, digits, marks. */
const WORD_OTHER = 4;
const CJK = 5;
const CONNECTOR = 6;

const classes = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) {
  classes[c] =
    c >= 97 && c <= 122
      ? WORD_LOWER
      : c >= 65 && c <= 90
        ? WORD_UPPER
        : c >= 48 && c <= 57
          ? WORD_OTHER
          : '-_.:/@'.includes(String.fromCharCode(c))
            ? CONNECTOR
            : SEPARATOR;
}
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const CJK_CHAR = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\u3005\u30fc]/u;

function classify(ch: string): number {
  if (CJK_CHAR.test(ch)) return CJK;
  if (!WORD_CHAR.test(ch)) return SEPARATOR;
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  if (ch !== lower && ch === upper) return WORD_UPPER;
  if (ch !== upper && ch === lower) return WORD_LOWER;
  return WORD_OTHER;
}

/** Class of the character at `i` and its length in code units (2 for a surrogate pair). */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return classify(text.slice(i, i + 2)) | 8;
  }
  let k = classes[c]!;
  if (k === 0) {
    k = c >= 0xd800 && c <= 0xdfff ? SEPARATOR : classify(text[i]!);
    classes[c] = k;
  }
  return k;
}

const isWord = (k: number) => k >= WORD_LOWER && k <= WORD_OTHER;

/**
 * Splits text into folded search terms with their positions. Every identifier yields its whole form and its
 * parts, so `kube-apiserver` is found by `kube-apiserver`, `kube` and `apiserver`; camelCase is split too
 * (`PodDisruptionBudget`), digits never split a word (`p95`). Deterministic and independent of the platform's
 * locale data, so an index built in one place can be queried anywhere.
 */
export function scanSearchTokens(text: string, visit: SearchTokenVisitor): void {
  const n = text.length;
  // Part boundaries of the current chunk as start/end pairs; `bounded` is how many are in use (the array is
  // reused from chunk to chunk without being cleared).
  const bounds: number[] = [];
  let bounded: number;
  let i = 0;
  while (i < n) {
    let k = classAt(text, i);
    let width = k & 8 ? 2 : 1;
    k &= 7;
    if (k === CJK) {
      i = scanCjkRun(text, i, visit);
      continue;
    }
    if (!isWord(k)) {
      i += width;
      continue;
    }
    // A chunk: word characters joined by single connectors, with part boundaries at connectors and camelCase.
    const start = i;
    bounded = 0;
    let partStart = i;
    let prev = 0;
    let ascii = true;
    for (;;) {
      if (k === WORD_UPPER && prev === WORD_LOWER) {
        bounds[bounded++] = partStart;
        bounds[bounded++] = i;
        partStart = i;
      } else if (
        k === WORD_LOWER &&
        prev === WORD_UPPER &&
        i - partStart > 1 &&
        classAt(text, i - 1) === WORD_UPPER &&
        classAt(text, i - 2) === WORD_UPPER
      ) {
        // `HTTPServer`: the acronym ends before the last capital.
        bounds[bounded++] = partStart;
        bounds[bounded++] = i - 1;
        partStart = i - 1;
      }
      if (width === 2 || text.charCodeAt(i) >= 128) ascii = false;
      prev = k;
      i += width;
      if (i >= n) break;
      k = classAt(text, i);
      width = k & 8 ? 2 : 1;
      k &= 7;
      if (isWord(k)) continue;
      if (k !== CONNECTOR || i + 1 >= n) break;
      const after = classAt(text, i + 1) & 7;
      if (!isWord(after)) break;
      bounds[bounded++] = partStart;
      bounds[bounded++] = i;
      i++;
      partStart = i;
      prev = 0;
      k = classAt(text, i);
      width = k & 8 ? 2 : 1;
      k &= 7;
    }
    bounds[bounded++] = partStart;
    bounds[bounded++] = i;
    emitChunk(text, start, i, bounds, bounded, ascii, visit);
  }
}

function fold(text: string, start: number, end: number, ascii: boolean): string {
  const s = text.slice(start, end);
  return ascii ? s.toLowerCase() : foldSearchText(s);
}

function emitChunk(
  text: string,
  start: number,
  end: number,
  bounds: number[],
  bounded: number,
  ascii: boolean,
  visit: SearchTokenVisitor,
): void {
  if (bounded === 2) {
    if (end - start <= MAX_PART_LENGTH) visit(fold(text, start, end, ascii), start, end, 'word');
    return;
  }
  if (end - start <= MAX_COMPOUND_LENGTH) visit(fold(text, start, end, ascii), start, end, 'compound');
  emitSegments(text, start, end, bounds, bounded, ascii, visit);
  for (let p = 0; p < bounded && p < MAX_PARTS_PER_CHUNK * 2; p += 2) {
    const s = bounds[p]!;
    const e = bounds[p + 1]!;
    if (e - s <= MAX_PART_LENGTH) visit(fold(text, s, e, ascii), s, e, 'part');
  }
}

/**
 * In a URL, path or address (`api.clpr.tv/api/v1`, `deploy/kube-apiserver`, `ops@clpr.tv`, `10.0.0.1:5432`),
 * each stretch between `/`, `:` and `@` that is itself an identifier is a compound too, so `api.clpr.tv` and
 * `kube-apiserver` are found whole.
 */
function emitSegments(
  text: string,
  start: number,
  end: number,
  bounds: number[],
  bounded: number,
  ascii: boolean,
  visit: SearchTokenVisitor,
): void {
  let segmentStart = start;
  let p = 0;
  for (let i = start; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 0;
    if (i < end && c !== 0x2f && c !== 0x3a && c !== 0x40) continue;
    if (segmentStart === start && i === end) return;
    // Count the parts inside [segmentStart, i).
    let parts = 0;
    while (p < bounded && bounds[p]! < i) {
      if (bounds[p]! >= segmentStart) parts++;
      p += 2;
    }
    if (parts > 1 && i - segmentStart <= MAX_COMPOUND_LENGTH) visit(fold(text, segmentStart, i, ascii), segmentStart, i, 'compound');
    segmentStart = i + 1;
  }
}

/** Emits the bigrams of the CJK run starting at `i`; returns where the run ends. */
function scanCjkRun(text: string, i: number, visit: SearchTokenVisitor): number {
  let prevStart = -1;
  let count = 0;
  while (i < text.length) {
    const k = classAt(text, i);
    if ((k & 7) !== CJK) break;
    const width = k & 8 ? 2 : 1;
    if (prevStart >= 0) visit(foldSearchText(text.slice(prevStart, i + width)), prevStart, i + width, 'cjk');
    prevStart = i;
    i += width;
    count++;
  }
  if (count === 1) visit(foldSearchText(text.slice(prevStart, i)), prevStart, i, 'cjk');
  return i;
}

/** All terms of a text, in order (duplicates kept). */
export function searchTerms(text: string): string[] {
  const out: string[] = [];
  scanSearchTokens(text, (term) => out.push(term));
  return out;
}

/**
 * The sequence of words (plain words, identifier parts and CJK bigrams, without the whole-identifier forms),
 * as used to check that a quoted phrase appears with its words next to each other.
 */
export function phraseWords(text: string): string[] {
  const out: string[] = [];
  scanSearchTokens(text, (term, _s, _e, kind) => {
    if (kind !== 'compound') out.push(term);
  });
  return out;
}
