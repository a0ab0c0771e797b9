import lunr from 'lunr';
import type { RunbookToIndex } from '../core/search/buildSearchIndex';
import { runbookSections } from '../core/search/runbookSections';

/**
 * The baseline: lunr (the engine behind MkDocs Material's search) over the same sections, with the same field
 * weights, queried the same way (each word as typed, the last one as a prefix, words of 4+ letters with typo
 * tolerance).
 */
export function buildLunrIndex(runbooks: readonly RunbookToIndex[]): lunr.Index {
  return lunr(function () {
    this.ref('id');
    this.field('title', { boost: 10 });
    this.field('aliases', { boost: 8 });
    this.field('tags', { boost: 6 });
    this.field('heading', { boost: 5 });
    this.field('summary', { boost: 2 });
    this.field('body');
    for (const { meta, body } of runbooks) {
      for (const section of runbookSections(meta, body)) {
        this.add({
          id: `${meta.sourceId}|${meta.path}#${section.anchor}`,
          title: meta.title,
          aliases: meta.aliases.join(' '),
          tags: meta.tags.join(' '),
          heading: [...section.parents, section.heading].join(' '),
          summary: meta.summary ?? '',
          body: section.text,
        });
      }
    }
  });
}

export function searchLunr(index: lunr.Index, text: string): lunr.Index.Result[] {
  const words = lunr
    .tokenizer(text)
    .map((t) => t.toString())
    .filter((w) => w !== '');
  const typing = !/\s$/.test(text);
  return index.query((q) => {
    words.forEach((word, i) => {
      q.term(word, { usePipeline: true });
      if (typing && i === words.length - 1) q.term(word, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 0.6 });
      if (word.length >= 4 && !/\d/.test(word)) q.term(word, { usePipeline: false, editDistance: word.length >= 8 ? 2 : 1, boost: 0.45 });
    });
  });
}
