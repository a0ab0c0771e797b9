import { phraseWords, scanSearchTokens } from './scanSearchTokens';
import { STOP_WORDS } from './stopWords';

/** Only the start of a very long query is used; the UI says so when `truncated` is set. */
export const MAX_QUERY_CHARS = 256;
/** More words than anyone types; a pasted paragraph is searched by its first words (each word costs time). */
export const MAX_QUERY_CLAUSES = 16;

/**
 * One thing the user typed: a word, an identifier or a CJK bigram. `terms[0]` is the word or the whole
 * identifier; an identifier's parts follow, so `kube-apiserver` also finds `kube apiserver`.
 */
export interface QueryClause {
  terms: string[];
  /** Still being typed: the whole form and the last part match as prefixes. */
  prefix: boolean;
  /** Part of a quoted phrase: a result must contain it. */
  required: boolean;
}

export interface ParsedQuery {
  /** The query as used (after capping). */
  text: string;
  clauses: QueryClause[];
  /** Each quoted phrase as its folded word sequence, checked against the section's text. */
  phrases: string[][];
  /** The query was longer than the limits and only its start was used. */
  truncated: boolean;
}

const QUOTE = /["“”„«»]/;

/**
 * Reads a search box's text: quoted phrases, words and identifiers. Never throws: any string (punctuation,
 * emoji, regex syntax, 10,000 characters) gives a query, possibly with no clauses.
 */
export function parseSearchQuery(input: string): ParsedQuery {
  let text = input.length > MAX_QUERY_CHARS ? input.slice(0, MAX_QUERY_CHARS) : input;
  // Do not keep half of a surrogate pair cut by the limit.
  if (/[\ud800-\udbff]$/.test(text)) text = text.slice(0, -1);
  let truncated = text.length < input.length;

  const clauses: QueryClause[] = [];
  const phrases: string[][] = [];
  const pieces = text.split(QUOTE);
  // Even pieces are outside quotes, odd ones inside; an unclosed quote (still typing) counts as plain words.
  const closedQuotes = pieces.length % 2 === 1 ? pieces.length : pieces.length - 1;
  const typingAtEnd = text !== '' && !/[\s"“”„«»]$/.test(text);
  pieces.forEach((piece, i) => {
    const inPhrase = i % 2 === 1 && i < closedQuotes;
    const last = i === pieces.length - 1;
    if (inPhrase) {
      const words = phraseWords(piece);
      if (words.length > 1) phrases.push(words);
    }
    clauses.push(...clausesOf(piece, inPhrase, !inPhrase && last && typingAtEnd));
  });

  // A word repeated adds nothing to find but would be searched again ("restart restart …" pasted).
  const seen = new Set<string>();
  const meaningful = clauses.filter((c) => {
    const key = `${c.prefix ? 'p' : 'w'}${c.required ? 'r' : 'o'} ${c.terms.join(' ')}`;
    if (c.terms.length === 0 || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (meaningful.length > MAX_QUERY_CLAUSES) truncated = true;
  return { text, clauses: meaningful.slice(0, MAX_QUERY_CLAUSES), phrases, truncated };
}

function clausesOf(text: string, required: boolean, typingLast: boolean): QueryClause[] {
  const clauses: QueryClause[] = [];
  let compound: QueryClause | undefined;
  scanSearchTokens(text, (term, _start, _end, kind) => {
    if (kind === 'part' && compound) {
      compound.terms.push(term);
      return;
    }
    const clause: QueryClause = { terms: [term], prefix: false, required };
    compound = kind === 'compound' ? clause : undefined;
    clauses.push(clause);
  });
  if (typingLast && clauses.length > 0) clauses[clauses.length - 1]!.prefix = true;
  // Stop words are not indexed; dropping them keeps "how to restart the api" about `restart` and `api`.
  // The word being typed stays, as the start of a longer word ("the" → "then").
  const kept = clauses.filter((c) => c.prefix || !STOP_WORDS.has(c.terms[0]!));
  for (const c of kept) {
    c.terms = c.terms.filter((t, i) => i === 0 || !STOP_WORDS.has(t));
  }
  return kept;
}
