import { describe, expect, it } from 'vitest';
import { foldSearchText } from '../../../core/search/foldSearchText';
import { phraseWords, scanSearchTokens, searchTerms, type SearchTokenKind } from '../../../core/search/scanSearchTokens';

function tokens(text: string): [string, string, SearchTokenKind][] {
  const out: [string, string, SearchTokenKind][] = [];
  scanSearchTokens(text, (term, start, end, kind) => out.push([term, text.slice(start, end), kind]));
  return out;
}

describe('scanSearchTokens: identifiers are searchable whole and by their parts', () => {
  it.each([
    ['kube-apiserver', ['kube-apiserver', 'kube', 'apiserver']],
    ['api.clpr.tv', ['api.clpr.tv', 'api', 'clpr', 'tv']],
    ['ERR_CONNECTION_REFUSED', ['err_connection_refused', 'err', 'connection', 'refused']],
    ['MOD_BAN_SYNC', ['mod_ban_sync', 'mod', 'ban', 'sync']],
    ['ban_sync_failures_total', ['ban_sync_failures_total', 'ban', 'sync', 'failures', 'total']],
    ['#ops-team', ['ops-team', 'ops', 'team']],
    ['$ADMIN_TOKEN', ['admin_token', 'admin', 'token']],
    ['ops@clpr.tv.', ['ops@clpr.tv', 'clpr.tv', 'ops', 'clpr', 'tv']],
    ['deploy/kube-apiserver', ['deploy/kube-apiserver', 'kube-apiserver', 'deploy', 'kube', 'apiserver']],
    ['10.0.0.1:5432', ['10.0.0.1:5432', '10.0.0.1', '10', '0', '0', '1', '5432']],
  ])('%s', (text, expected) => {
    expect(searchTerms(text)).toEqual(expected);
  });

  it('keeps words with digits whole and separates HTTP from its status', () => {
    expect(searchTerms('p95 latency, HTTP 503 and 429 Too Many Requests')).toEqual([
      'p95',
      'latency',
      'http',
      '503',
      'and',
      '429',
      'too',
      'many',
      'requests',
    ]);
  });

  it('splits camelCase and acronyms but keeps the whole word', () => {
    expect(searchTerms('PodDisruptionBudget HTTPServer')).toEqual([
      'poddisruptionbudget',
      'pod',
      'disruption',
      'budget',
      'httpserver',
      'http',
      'server',
    ]);
  });

  it('reports the original offsets of every term and of every part', () => {
    expect(tokens('Run `kube-apiserver` now')).toEqual([
      ['run', 'Run', 'word'],
      ['kube-apiserver', 'kube-apiserver', 'compound'],
      ['kube', 'kube', 'part'],
      ['apiserver', 'apiserver', 'part'],
      ['now', 'now', 'word'],
    ]);
  });

  it('does not join words across doubled or trailing punctuation', () => {
    expect(searchTerms('https://api.clpr.tv/healthz. Done')).toEqual([
      'https',
      'api.clpr.tv/healthz',
      'api.clpr.tv',
      'api',
      'clpr',
      'tv',
      'healthz',
      'done',
    ]);
    expect(searchTerms('a--b')).toEqual(['a', 'b']);
  });
});

describe('scanSearchTokens: other languages', () => {
  it('folds accents, so "donnees" and "données" are the same term, composed or not', () => {
    expect(searchTerms('Données personnelles')).toEqual(['donnees', 'personnelles']);
    expect(searchTerms('Donne\u0301es')).toEqual(['donnees']);
    expect(searchTerms('Straße Ærø')).toEqual(['strasse', 'aero']);
  });

  it('cuts Japanese into overlapping character pairs, with offsets', () => {
    expect(tokens('障害対応')).toEqual([
      ['障害', '障害', 'cjk'],
      ['害対', '害対', 'cjk'],
      ['対応', '対応', 'cjk'],
    ]);
    expect(searchTerms('APIサーバー')).toEqual(['api', 'サー', 'ーバ', 'バー']);
    expect(searchTerms('東')).toEqual(['東']);
  });

  it('keeps kana voicing marks (ダ is not タ) while folding full-width letters', () => {
    expect(foldSearchText('ダウン')).toBe('ダウン');
    expect(foldSearchText('ＡＰＩ')).toBe('api');
  });
});

describe('scanSearchTokens: text with nothing to search', () => {
  it.each(['', '   \n\t', '!!! ??? ...', '.*+?^${}()|[]\\', '🔥🚒', '\ud800'])('%j gives no term', (text) => {
    expect(searchTerms(text)).toEqual([]);
  });

  it('ignores emoji between words', () => {
    expect(searchTerms('🔥restart🔥 now')).toEqual(['restart', 'now']);
  });
});

describe('phraseWords', () => {
  it('lists the words in order without the whole-identifier forms', () => {
    expect(phraseWords('Restart the kube-apiserver now')).toEqual(['restart', 'the', 'kube', 'apiserver', 'now']);
  });
});
