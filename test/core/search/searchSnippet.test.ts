import { describe, expect, it } from 'vitest';
import { searchTerms } from '../../../core/search/scanSearchTokens';
import { buildSnippet, highlightRanges, termMatcher, type Snippet } from '../../../core/search/searchSnippet';

/** The text of each marked range. */
function marked(snippet: Snippet): string[] {
  return snippet.ranges.map(([s, e]) => snippet.text.slice(s, e));
}

describe('buildSnippet', () => {
  it('collapses whitespace and keeps the marks on the matched words', () => {
    const snippet = buildSnippet('Run   the\n\n  rollback\u00a0\u00a0now,\tthen verify  rollback.', termMatcher(['rollback', 'verify']));
    expect(snippet.text).toBe('Run the rollback now, then verify rollback.');
    expect(marked(snippet)).toEqual(['rollback', 'verify', 'rollback']);
  });

  it('marks identifiers as written, whole or by their parts', () => {
    const snippet = buildSnippet('Set  MOD_BAN_SYNC=on and  check kube-apiserver.', termMatcher(['mod_ban_sync', 'apiserver']));
    expect(marked(snippet)).toEqual(['MOD_BAN_SYNC', 'apiserver']);
  });

  it('gives correct marks for long and short texts one after the other', () => {
    const filler = 'word '.repeat(400);
    for (const text of [`${filler}  failover   now ${filler}`, 'a  failover', `${'x '.repeat(2000)}failover`, 'failover']) {
      const snippet = buildSnippet(text, termMatcher(['failover']));
      expect(marked(snippet)).toEqual(['failover']);
      expect(snippet.text).not.toMatch(/\s{2}/);
      expect(snippet.text.length).toBeLessThanOrEqual(182);
    }
  });

  it('starts at the beginning and marks nothing when nothing matched', () => {
    const snippet = buildSnippet('Nothing  here matches.', termMatcher(['absent']));
    expect(snippet).toEqual({ text: 'Nothing here matches.', ranges: [] });
  });
});

describe('highlightRanges', () => {
  it('marks the same words whether it tokenizes the whole text or only around substring hits', () => {
    const pieces = [
      'rollback',
      'Rollback',
      'kube-apiserver',
      'HTTPServer',
      'MOD_BAN_SYNC',
      'api.clpr.tv/v1',
      'ops@clpr.tv',
      'a--b',
      'x.',
      '-lead',
      'p95',
      '503',
      'podDisruption',
      'roll',
      'back',
      ':',
      '...',
      '(ban)',
      'bans',
      'banned',
    ];
    const separators = [' ', '  ', ', ', '\n', '/', '-', '.', '_', ''];
    let seed = 7;
    const random = (n: number) => (seed = (seed * 16807) % 2147483647) % n;
    for (let round = 0; round < 300; round++) {
      let text = '';
      for (let i = 0; i < 12; i++) text += pieces[random(pieces.length)]! + separators[random(separators.length)]!;
      const vocabulary = searchTerms(text);
      const terms = [...vocabulary.filter(() => random(3) === 0), 'absent', 'ban'];
      expect(highlightRanges(text, termMatcher(terms)), text).toEqual(highlightRanges(text, new Set(terms)));
    }
  });
});
