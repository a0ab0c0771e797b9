import type { TitleSuggestion } from './closestTitles';
import { containsPhrase, phraseMatcher, type PhraseMatcher } from './containsPhrase';
import { foldSearchText } from './foldSearchText';
import type { ParsedQuery } from './parseSearchQuery';
import { compareText, type IndexedRunbook, type SearchIndex } from './searchIndexData';
import { sectionText } from './sectionText';
import { buildSnippet, highlightRanges, termMatcher, type TermMatcher, type TextRange } from './searchSnippet';

// What a search answers: sections grouped under their runbook, ready to show (matches as ranges, never HTML).

export interface SectionHit {
  /** Heading anchor to open (`''`: the top of the runbook). */
  anchor: string;
  heading: string;
  headingRanges: TextRange[];
  snippet: string;
  snippetRanges: TextRange[];
  score: number;
}

export interface RunbookHit {
  sourceId: string;
  path: string;
  title: string;
  titleRanges: TextRange[];
  status?: string;
  area?: string;
  owner?: string;
  tags: string[];
  /** The best section's score. */
  score: number;
  sections: SectionHit[];
  /** Bundled copies of this team runbook that matched too, folded under it (see `foldDuplicateCopies`). */
  copies?: { sourceId: string; path: string; title: string }[] | undefined;
}

export interface SearchResponse {
  /** The query text as used (capped). */
  query: string;
  /** Only the start of the query was used (see `MAX_QUERY_CHARS`, `MAX_QUERY_CLAUSES`). */
  truncated: boolean;
  /** The query had nothing searchable and no filter was set: show bookmarks and recent searches instead. */
  empty: boolean;
  runbooks: RunbookHit[];
  /** How many runbooks matched in all (more than `runbooks.length` when capped). */
  totalRunbooks: number;
  /** When nothing matched: the runbook titles closest to the query. */
  suggestions: TitleSuggestion[];
}

/**
 * The best sections grouped under their runbook, in order of each runbook's best section; quoted phrases are
 * checked here, on the sections about to be shown.
 */
export function groupSections(
  index: SearchIndex,
  parsed: ParsedQuery,
  ranked: { section: number; score: number }[],
  matchedTerms: TermMatcher,
  maxRunbooks: number,
  perRunbook: number,
): RunbookHit[] {
  const groups = new Map<number, RunbookHit>();
  const phrases = parsed.phrases.map(phraseMatcher);
  const decoder = new TextDecoder();
  const textOf = (s: number) => sectionText(index, s, decoder);
  for (const { section, score } of ranked) {
    const r = index.sections.runbook[section]!;
    let group = groups.get(r);
    if (!group && groups.size >= maxRunbooks) continue;
    if (group && group.sections.length >= perRunbook) continue;
    const entry = index.runbooks[r]!;
    const text = textOf(section);
    if (phrases.length > 0 && !containsPhrases(phrases, entry, index.sections.heading[section]!, text)) continue;
    if (!group) {
      group = runbookHit(entry, matchedTerms, score);
      groups.set(r, group);
    }
    group.sections.push(sectionHit(index, entry, section, text, matchedTerms, score));
  }
  return [...groups.values()];
}

function runbookHit(entry: IndexedRunbook, matchedTerms: TermMatcher, score: number): RunbookHit {
  const hit: RunbookHit = {
    sourceId: entry.sourceId,
    path: entry.path,
    title: entry.title,
    titleRanges: highlightRanges(entry.title, matchedTerms),
    tags: entry.tags,
    score,
    sections: [],
  };
  if (entry.status !== undefined) hit.status = entry.status;
  if (entry.area !== undefined) hit.area = entry.area;
  if (entry.owner !== undefined) hit.owner = entry.owner;
  return hit;
}

function sectionHit(
  index: SearchIndex,
  entry: IndexedRunbook,
  section: number,
  text: string,
  matchedTerms: TermMatcher,
  score: number,
): SectionHit {
  const heading = index.sections.heading[section]!;
  // A title-only section (the top heading with nothing under it) is better described by the summary.
  const shown = text === '' && section === entry.firstSection && entry.summary ? entry.summary : text;
  const snippet = buildSnippet(shown.length > 20_000 ? shown.slice(0, 20_000) : shown, matchedTerms);
  return {
    anchor: index.sections.anchor[section]!,
    heading,
    headingRanges: highlightRanges(heading, matchedTerms),
    snippet: snippet.text,
    snippetRanges: snippet.ranges,
    score,
  };
}

/** Every phrase appears, words side by side, in one of the section's or its runbook's texts. */
function containsPhrases(phrases: PhraseMatcher[], entry: IndexedRunbook, heading: string, text: string): boolean {
  return phrases.every(
    (phrase) =>
      containsPhrase(text, phrase) ||
      containsPhrase(heading, phrase) ||
      containsPhrase(entry.title, phrase) ||
      containsPhrase(entry.summary ?? '', phrase) ||
      entry.aliases.some((alias) => containsPhrase(alias, phrase)),
  );
}

/** Filters but no words: the matching runbooks by title, each opening at its top. */
export function listFiltered(
  index: SearchIndex,
  allowed: Uint8Array,
  maxRunbooks: number,
): Pick<SearchResponse, 'runbooks' | 'totalRunbooks'> {
  const matching = index.runbooks.map((entry, r) => ({ entry, r })).filter(({ r }) => allowed[r]);
  matching.sort(
    (a, b) => compareText(foldSearchText(a.entry.title), foldSearchText(b.entry.title)) || compareText(a.entry.path, b.entry.path),
  );
  const none = termMatcher([]);
  const runbooks = matching.slice(0, maxRunbooks).map(({ entry }) => {
    const hit = runbookHit(entry, none, 0);
    if (entry.sectionCount > 0) {
      const s = entry.firstSection;
      const text = sectionText(index, s, new TextDecoder());
      hit.sections.push(sectionHit(index, entry, s, text, none, 0));
    }
    return hit;
  });
  return { runbooks, totalRunbooks: matching.length };
}
