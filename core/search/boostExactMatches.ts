import { foldSearchText } from './foldSearchText';
import type { ParsedQuery } from './parseSearchQuery';
import type { SearchIndex } from './searchIndexData';
import { sectionText } from './sectionText';

/** A heading that contains the query's words side by side counts this much more ("ban user" in "Emergency Ban User"). */
const HEADING_PHRASE_BOOST = 1.5;
/** A section whose text has the query's words side by side ("HTTP 503") counts this much more. */
const TEXT_PHRASE_BOOST = 1.25;
/** Only the best candidates have their text read for that (decoding every candidate would cost a keystroke). */
const PHRASE_CHECKED = 40;

/**
 * Ranks a section whose heading says exactly what was typed ("Check User Ban Status"), and the top of a runbook
 * whose title or an alias is exactly what was typed, above every match in body text: such a section gets the
 * best score of the answer on top of its own. A heading holding the typed words side by side counts
 * `HEADING_PHRASE_BOOST` times more, and the text of one of the best candidates `TEXT_PHRASE_BOOST` times.
 * Only the ranked candidates are looked at, and their headings' comparable forms are remembered per index,
 * so this costs the candidates' number, not the library's. Returns the candidates in their new order.
 */
export function boostExactMatches(
  index: SearchIndex,
  parsed: ParsedQuery,
  ranked: { section: number; score: number }[],
): { section: number; score: number }[] {
  const typed = comparable(parsed.text);
  if (typed === '' || ranked.length === 0) return ranked;
  const best = Math.max(...ranked.map((r) => r.score));
  const several = typed.includes(' ');
  const phrase = ` ${typed} `;
  const inText = several ? phrasePattern(typed) : undefined;
  const forms = formsOf(index);
  const decoder = new TextDecoder();
  const boosted = ranked.map(({ section, score }, rank) => {
    const heading = forms.heading(section);
    const r = index.sections.runbook[section]!;
    const namesRunbook = section === index.runbooks[r]!.firstSection && forms.names(r).includes(typed);
    if (heading === typed || namesRunbook) return { section, score: score + best };
    if (!several) return { section, score };
    if (` ${heading} `.includes(phrase)) return { section, score: score * HEADING_PHRASE_BOOST };
    if (inText && rank < PHRASE_CHECKED) {
      const text = sectionText(index, section, decoder);
      if (inText.test(text)) return { section, score: score * TEXT_PHRASE_BOOST };
    }
    return { section, score };
  });
  return boosted.sort((a, b) => b.score - a.score || a.section - b.section);
}

/** Folded, words only, single spaces: `Check User-Ban Status!` → `check user ban status`. */
function comparable(text: string): string {
  return foldSearchText(text.toLowerCase())
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The typed words side by side in raw text, any separators between them, any case (ASCII queries only). */
function phrasePattern(typed: string): RegExp | undefined {
  if (!/^[\x20-\x7e]*$/.test(typed)) return undefined;
  const words = typed.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'iu');
}

interface ComparableForms {
  heading: (section: number) => string;
  /** The runbook's title and aliases. */
  names: (runbook: number) => string[];
}

/** Comparable headings and runbook names, computed when first asked for and kept per index (it never changes). */
function formsOf(index: SearchIndex): ComparableForms {
  let forms = memo.get(index);
  if (!forms) {
    const headings = new Map<number, string>();
    const names = new Map<number, string[]>();
    forms = {
      heading: (s) => {
        let form = headings.get(s);
        if (form === undefined) headings.set(s, (form = comparable(index.sections.heading[s]!)));
        return form;
      },
      names: (r) => {
        let form = names.get(r);
        if (form === undefined) names.set(r, (form = [index.runbooks[r]!.title, ...index.runbooks[r]!.aliases].map(comparable)));
        return form;
      },
    };
    memo.set(index, forms);
  }
  return forms;
}

const memo = new WeakMap<SearchIndex, ComparableForms>();
