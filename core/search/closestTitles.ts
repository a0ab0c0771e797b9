import { foldSearchText } from './foldSearchText';
import type { ParsedQuery } from './parseSearchQuery';
import type { SearchIndex } from './searchIndexData';
import { fuzzyTerms, prefixRange } from './termLookup';

export interface TitleSuggestion {
  sourceId: string;
  path: string;
  title: string;
}

const MAX_SUGGESTIONS = 5;

/** Terms that occur in titles, aliases, tags or summaries: a small vocabulary, built once per index. */
const titleVocabularies = new WeakMap<SearchIndex, { terms: string[]; global: Uint32Array }>();

/**
 * "Did you mean": when nothing matched, the runbooks whose title-level words are closest to the query's words,
 * with more typos forgiven than in the search itself (two edits from 5 letters, words keeping their first
 * letter), or that start with a query word.
 */
export function closestTitles(index: SearchIndex, parsed: ParsedQuery, allowed?: Uint8Array): TitleSuggestion[] {
  const vocabulary = titleVocabulary(index);
  const scores = new Map<number, number>();
  const credit = (localTerm: number, weight: number) => {
    const t = vocabulary.global[localTerm]!;
    const { start, doc } = index.runbookPostings;
    for (let p = start[t]!; p < start[t + 1]!; p++) {
      const r = doc[p]!;
      if (allowed && !allowed[r]) continue;
      scores.set(r, (scores.get(r) ?? 0) + weight);
    }
  };
  for (const clause of parsed.clauses.slice(0, 8)) {
    const word = clause.terms[0]!;
    if (word.length < 2) continue;
    const maxDistance = word.length <= 4 ? 1 : 2;
    for (const { index: t, distance } of fuzzyTerms(vocabulary.terms, word, maxDistance, 1)) credit(t, 1 / (1 + distance));
    if (word.length >= 3) {
      const [from, to] = prefixRange(vocabulary.terms, word);
      for (let t = from; t < Math.min(to, from + 32); t++) credit(t, 0.5);
    }
  }
  // The best few, without sorting every runbook that shares a word with the query.
  const best: { r: number; score: number; title: string }[] = [];
  for (const [r, score] of scores) {
    const worst = best[best.length - 1];
    if (best.length === MAX_SUGGESTIONS && worst && score < worst.score) continue;
    const title = foldSearchText(index.runbooks[r]!.title);
    best.push({ r, score, title });
    best.sort((a, b) => b.score - a.score || compare(a.title, b.title));
    if (best.length > MAX_SUGGESTIONS) best.pop();
  }
  return best.map(({ r }) => {
    const { sourceId, path, title } = index.runbooks[r]!;
    return { sourceId, path, title };
  });
}

function titleVocabulary(index: SearchIndex): { terms: string[]; global: Uint32Array } {
  let vocabulary = titleVocabularies.get(index);
  if (!vocabulary) {
    const { start } = index.runbookPostings;
    const global: number[] = [];
    for (let t = 0; t < index.terms.length; t++) if (start[t + 1]! > start[t]!) global.push(t);
    vocabulary = { terms: global.map((t) => index.terms[t]!), global: Uint32Array.from(global) };
    titleVocabularies.set(index, vocabulary);
  }
  return vocabulary;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
