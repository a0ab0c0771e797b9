import type { QueryClause } from './parseSearchQuery';
import type { SearchIndex } from './searchIndexData';
import { findTerm, fuzzyTerms, prefixRange } from './termLookup';

/** One vocabulary term a query clause matches, and how much a match on it counts. */
export interface TermExpansion {
  /** Position in `index.terms`. */
  term: number;
  /** 1 for the word as typed, less for completions and typo corrections. */
  weight: number;
  /**
   * Where to look: `all` groups; `headings` (runbook fields and headings: short completions, which would
   * match most bodies); `runbook` (title, aliases, tags, summary only: parts of an identifier found whole).
   */
  scope: 'all' | 'headings' | 'runbook';
  /** Adds to the score of what matches anyway, but does not by itself count as matching the clause. */
  hint?: boolean;
  /** Why the term is searched: as typed (the word, an identifier or its parts), as a completion or as a typo fix. */
  source: 'typed' | 'completion' | 'correction';
}

/** A completion counts this much at most (a longer completion counts less, see `expandClause`). */
const PREFIX_WEIGHT = 0.6;
/** A typo correction counts this much at most. */
const FUZZY_WEIGHT = 0.45;
/** Completions of a word being typed, kept by how many documents contain them. */
const MAX_COMPLETIONS = [0, 8, 16, 32];
const MAX_CORRECTIONS = 16;
/**
 * A part of an identifier counts this much of the whole: `MOD_BAN_SYNC` is about that flag, not about any
 * heading that says "ban" and "sync".
 */
const PART_WEIGHT = 0.3;
/** Parts of an identifier that was found whole, as a hint about which runbooks are about it. */
const PART_HINT_WEIGHT = 0.1;
/**
 * Words shorter than this are not corrected: at 3 letters one edit reaches too many other words. A correction
 * keeps the first letter (the first two when two edits are allowed): typos there are rare, and it keeps the
 * search fast on a large vocabulary.
 */
const MIN_FUZZY_LENGTH = 4;
/** Completions of a 1–2 character start would pull in most of the bodies; titles and headings suffice there. */
const MIN_BODY_PREFIX = 3;

/**
 * The vocabulary terms a clause matches: each of its terms as typed, completions of the word still being
 * typed (the whole identifier and its last part), and corrections of words with a typo (a word found in the
 * index as typed is not one). Numbers,
 * identifiers and words with digits are never corrected (`503` is not `502`). Memoized per index: an index's
 * vocabulary never changes (an update makes a new index).
 */
export function expandClause(index: SearchIndex, clause: QueryClause): TermExpansion[] {
  // While typing, every keystroke repeats the earlier words: remember their expansions per index.
  let memo = memos.get(index);
  if (!memo) {
    memo = new Map();
    memos.set(index, memo);
  }
  const key = `${clause.prefix ? 'p' : 'w'} ${clause.terms.join(' ')}`;
  let expansions = memo.get(key);
  if (!expansions) {
    expansions = computeExpansions(index, clause);
    if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
    memo.set(key, expansions);
  }
  return expansions;
}

const MEMO_SIZE = 256;
const memos = new WeakMap<SearchIndex, Map<string, TermExpansion[]>>();

function computeExpansions(index: SearchIndex, clause: QueryClause): TermExpansion[] {
  const best = new Map<number, TermExpansion>();
  const offer = (term: number, weight: number, scope: TermExpansion['scope'], source: TermExpansion['source']) => {
    const known = best.get(term);
    if (!known) best.set(term, { term, weight, scope, source });
    else {
      known.weight = Math.max(known.weight, weight);
      known.scope = widest(known.scope, scope);
      known.source = SOURCE_ORDER[source] > SOURCE_ORDER[known.source] ? source : known.source;
    }
  };
  const last = clause.terms.length - 1;
  const expand = (text: string, i: number) => {
    const scale = i === 0 ? 1 : PART_WEIGHT;
    const typing = clause.prefix && (i === 0 || i === last);
    const exact = findTerm(index.terms, text);
    // One or two characters still being typed say little yet: match them in titles and headings only.
    if (exact >= 0) offer(exact, scale, typing && [...text].length < MIN_BODY_PREFIX ? 'headings' : 'all', 'typed');
    if (typing) {
      for (const e of completions(index, text)) offer(e.term, e.weight * scale, e.scope, 'completion');
    }
    // The whole form of an identifier is not corrected; its parts are. A word the index holds as typed is
    // never corrected either: "user" must not find (or highlight) "use".
    if ((i > 0 || last === 0) && exact < 0) for (const e of corrections(index, text)) offer(e.term, e.weight * scale, 'all', 'correction');
  };
  expand(clause.terms[0]!, 0);
  if (best.size === 0) {
    // The identifier is not in the index as written: its parts stand in for it.
    clause.terms.forEach((text, i) => i > 0 && expand(text, i));
  } else {
    // Found as written: that is what counts; its parts only hint at which runbooks are about it
    // (`MOD_BAN_SYNC` in "Ban Sync Troubleshooting" rather than in a page that merely mentions it).
    for (const text of clause.terms.slice(1)) {
      const exact = findTerm(index.terms, text);
      if (exact >= 0 && !best.has(exact))
        best.set(exact, { term: exact, weight: PART_HINT_WEIGHT, scope: 'runbook', hint: true, source: 'typed' });
    }
  }
  return [...best.values()];
}

function completions(index: SearchIndex, prefix: string): TermExpansion[] {
  const [from, to] = prefixRange(index.terms, prefix);
  const length = [...prefix].length;
  const everywhere = length >= MIN_BODY_PREFIX;
  const limit = MAX_COMPLETIONS[Math.min(length, MAX_COMPLETIONS.length - 1)]!;
  const picked = mostFrequent(index, from, to, limit, everywhere, (t) => index.terms[t] !== prefix);
  return picked.map((term): TermExpansion => {
    const extra = index.terms[term]!.length - prefix.length;
    const weight = (PREFIX_WEIGHT * index.terms[term]!.length) / (index.terms[term]!.length + 0.3 * extra);
    return { term, weight, scope: everywhere ? 'all' : 'headings', source: 'completion' };
  });
}

function corrections(index: SearchIndex, text: string): TermExpansion[] {
  // Identifiers (`gateway-worker`, `MOD_BAN_SYNC`) are pasted or typed exactly; their parts are corrected instead.
  if (text.length < MIN_FUZZY_LENGTH || /[-_.:/@\p{N}\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u.test(text)) return [];
  const distance = text.length >= 8 ? 2 : 1;
  const matches = fuzzyTerms(index.terms, text, distance, distance);
  const df = (t: number) => documentFrequency(index, t, true);
  matches.sort((a, b) => a.distance - b.distance || df(b.index) - df(a.index));
  return matches.slice(0, MAX_CORRECTIONS).map(({ index: term, distance }): TermExpansion => ({
    term,
    weight: (FUZZY_WEIGHT * text.length) / (text.length + distance),
    scope: 'all',
    source: 'correction',
  }));
}

/** Up to `limit` terms of `[from, to)` found in the most documents (of the groups that will be scanned). */
function mostFrequent(
  index: SearchIndex,
  from: number,
  to: number,
  limit: number,
  withBody: boolean,
  keep: (t: number) => boolean,
): number[] {
  const picked: number[] = [];
  const counts: number[] = [];
  for (let t = from; t < to; t++) {
    if (!keep(t)) continue;
    const count = documentFrequency(index, t, withBody);
    if (count === 0) continue;
    if (picked.length === limit && count <= counts[limit - 1]!) continue;
    let i = picked.length === limit ? limit - 1 : picked.length;
    while (i > 0 && counts[i - 1]! < count) {
      picked[i] = picked[i - 1]!;
      counts[i] = counts[i - 1]!;
      i--;
    }
    picked[i] = t;
    counts[i] = count;
  }
  return picked;
}

const SCOPE_ORDER = { runbook: 0, headings: 1, all: 2 } as const;
/** A term reached several ways keeps the strongest reason: as typed, then completed, then corrected. */
const SOURCE_ORDER = { correction: 0, completion: 1, typed: 2 } as const;

function widest(a: TermExpansion['scope'], b: TermExpansion['scope']): TermExpansion['scope'] {
  return SCOPE_ORDER[a] >= SCOPE_ORDER[b] ? a : b;
}

function documentFrequency(index: SearchIndex, t: number, withBody: boolean): number {
  const r = index.runbookPostings.start;
  const h = index.headingPostings.start;
  let n = r[t + 1]! - r[t]! + h[t + 1]! - h[t]!;
  if (withBody) n += index.bodyPostings.start[t + 1]! - index.bodyPostings.start[t]!;
  return n;
}
