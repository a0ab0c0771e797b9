import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import type { RunbookToIndex } from '../core/search/buildSearchIndex';
import { runbookSections } from '../core/search/runbookSections';
import { scanSearchTokens } from '../core/search/scanSearchTokens';
import { STOP_WORDS } from '../core/search/stopWords';

interface SectionDocument {
  id: string;
  title: string;
  aliases: string;
  tags: string;
  heading: string;
  summary: string;
  body: string;
}

const FIELDS = ['title', 'aliases', 'tags', 'heading', 'summary', 'body'];
const BOOST = { title: 10, aliases: 8, tags: 6, heading: 5, summary: 2, body: 1 };

export interface MiniSearchVariant {
  name: string;
  options: Options<SectionDocument>;
  search: SearchOptions;
}

/** MiniSearch as it comes (its tokenizer, prefix and fuzzy 0.2 on every word), with the field weights. */
export const miniSearchDefault: MiniSearchVariant = {
  name: 'minisearch-default',
  options: { fields: FIELDS },
  search: { prefix: true, fuzzy: 0.2, boost: BOOST },
};

/**
 * MiniSearch tuned: the project's identifier-aware tokenizer with stop words removed, prefix only on the word
 * being typed, typo tolerance only from 4 letters, no prefix/fuzzy on digits.
 */
export const miniSearchTuned: MiniSearchVariant = {
  name: 'minisearch-tuned',
  options: {
    fields: FIELDS,
    tokenize: (text) => {
      const out: string[] = [];
      scanSearchTokens(text, (term, _s, _e, kind) => {
        if (kind === 'compound' || !STOP_WORDS.has(term)) out.push(term);
      });
      return out;
    },
    processTerm: (term) => term,
  },
  search: {
    boost: BOOST,
    prefix: (_term, i, terms) => i === terms.length - 1,
    fuzzy: (term) => (term.length < 4 || /\d/.test(term) ? false : term.length >= 8 ? 2 : 1),
    weights: { prefix: 0.6, fuzzy: 0.45 },
  },
};

export function sectionDocuments(runbooks: readonly RunbookToIndex[]): SectionDocument[] {
  return runbooks.flatMap(({ meta, body }) =>
    runbookSections(meta, body).map((section) => ({
      id: `${meta.sourceId}|${meta.path}#${section.anchor}`,
      title: meta.title,
      aliases: meta.aliases.join(' '),
      tags: meta.tags.join(' '),
      heading: [...section.parents, section.heading].join(' '),
      summary: meta.summary ?? '',
      body: section.text,
    })),
  );
}

export function buildMiniSearch(variant: MiniSearchVariant, runbooks: readonly RunbookToIndex[]): MiniSearch<SectionDocument> {
  const index = new MiniSearch<SectionDocument>(variant.options);
  index.addAll(sectionDocuments(runbooks));
  return index;
}
