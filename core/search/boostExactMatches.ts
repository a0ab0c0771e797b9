import { foldSearchText } from './foldSearchText';
import type { ParsedQuery } from './parseSearchQuery';
import type { SearchIndex } from './searchIndexData';

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
 * `HEADING_PHRASE_BOOST` times more, and the text of one of the best candidates `TEXT_PHRASE_BOOST` times. Only the ranked candidates are looked at, so this costs their number,
 * not the library's. Returns the candidates in their new order.
 */
export function boostExactMatches(
  index: SearchIndex,
  parsed: ParsedQuery,
  ranked: { section: number; score: number }[],
): { section: number; score: number }[] {
  const typed = comparable(parsed.text);
  if (typed === '' || ranked.length === 0) return ranked;
  const best = Math.max(...ranked.map((r) => r.score));
  const phrase = ` ${typed} `;
  const decoder = new TextDecoder();
  const boosted = ranked.map(({ section, score }, rank) => {
    const heading = comparable(index.sections.heading[section]!);
    const runbook = index.runbooks[index.sections.runbook[section]!]!;
    const namesRunbook =
      section === runbook.firstSection && (comparable(runbook.title) === typed || runbook.aliases.some((a) => comparable(a) === typed));
    if (heading === typed || namesRunbook) return { section, score: score + best };
    if (!typed.includes(' ')) return { section, score };
    if (` ${heading} `.includes(phrase)) return { section, score: score * HEADING_PHRASE_BOOST };
    if (rank < PHRASE_CHECKED) {
      const text = decoder.decode(index.sections.text.subarray(index.sections.textStart[section], index.sections.textStart[section + 1]));
      if (` ${comparable(text)} `.includes(phrase)) return { section, score: score * TEXT_PHRASE_BOOST };
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
