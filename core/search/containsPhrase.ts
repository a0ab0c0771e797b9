import { phraseWords } from './scanSearchTokens';

/** Characters that can belong to a token (letters, digits, marks) or join its parts. */
const TOKEN_CHAR = /[\p{L}\p{N}\p{M}\-_.:/@]/u;
const ASCII = /^[\x00-\x7f]*$/;

/** A quoted phrase ready to be checked against many texts. */
export interface PhraseMatcher {
  words: readonly string[];
  /**
   * For ASCII text: the words in order with only non-alphanumerics (or nothing, for camelCase) between them.
   * Every real match passes it, so a text that fails it is rejected without tokenizing.
   */
  rough: RegExp | undefined;
}

export function phraseMatcher(words: readonly string[]): PhraseMatcher {
  const ascii = words.length > 0 && words.every((w) => ASCII.test(w));
  const rough = ascii ? new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('[^a-z0-9]*')) : undefined;
  return { words, rough };
}

/**
 * Whether the phrase's words (as `phraseWords` gives them) appear side by side, in order, in `text`. Only the
 * stretches around occurrences of the first word are tokenized, so checking many candidate sections is cheap.
 */
export function containsPhrase(text: string, phrase: PhraseMatcher | readonly string[]): boolean {
  const matcher = 'words' in phrase ? phrase : phraseMatcher(phrase);
  const words = matcher.words;
  if (words.length === 0) return true;
  // Folding can change what a word looks like (accents, full-width letters): check such text in full.
  if (!matcher.rough || !ASCII.test(text)) return containsSequence(phraseWords(text), words);
  const lower = text.toLowerCase();
  if (!matcher.rough.test(lower)) return false;
  const first = words[0]!;
  const span = words.reduce((n, w) => n + w.length + 24, 0);
  for (let at = lower.indexOf(first); at !== -1; at = lower.indexOf(first, at + 1)) {
    let start = at;
    while (start > 0 && TOKEN_CHAR.test(text[start - 1]!)) start--;
    let end = Math.min(text.length, at + span);
    while (end < text.length && TOKEN_CHAR.test(text[end]!)) end++;
    if (containsSequence(phraseWords(text.slice(start, end)), words)) return true;
  }
  return false;
}

function containsSequence(words: readonly string[], phrase: readonly string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}
