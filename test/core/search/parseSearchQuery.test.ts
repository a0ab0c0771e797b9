import { describe, expect, it } from 'vitest';
import { MAX_QUERY_CHARS, MAX_QUERY_CLAUSES, parseSearchQuery } from '../../../core/search/parseSearchQuery';

describe('parseSearchQuery', () => {
  it('treats the word being typed as a prefix, but not once a space follows', () => {
    expect(parseSearchQuery('ban us').clauses).toEqual([
      { terms: ['ban'], prefix: false, required: false },
      { terms: ['us'], prefix: true, required: false },
    ]);
    expect(parseSearchQuery('ban us ').clauses.every((c) => !c.prefix)).toBe(true);
  });

  it('keeps an identifier as one clause: the whole form first, then its parts', () => {
    expect(parseSearchQuery('MOD_BAN_SYNC ').clauses).toEqual([
      { terms: ['mod_ban_sync', 'mod', 'ban', 'sync'], prefix: false, required: false },
    ]);
  });

  it('reads quoted phrases as required words plus the word sequence to check', () => {
    const parsed = parseSearchQuery('"emergency ban user" twitch');
    expect(parsed.phrases).toEqual([['emergency', 'ban', 'user']]);
    expect(parsed.clauses.map((c) => [c.terms[0], c.required, c.prefix])).toEqual([
      ['emergency', true, false],
      ['ban', true, false],
      ['user', true, false],
      ['twitch', false, true],
    ]);
  });

  it('reads an unclosed quote as plain words being typed', () => {
    const parsed = parseSearchQuery('"emergency ba');
    expect(parsed.phrases).toEqual([]);
    expect(parsed.clauses.map((c) => [c.terms[0], c.required, c.prefix])).toEqual([
      ['emergency', false, false],
      ['ba', false, true],
    ]);
  });

  it('drops stop words except the word being typed', () => {
    expect(parseSearchQuery('how to restart the').clauses.map((c) => c.terms[0])).toEqual(['how', 'restart', 'the']);
    expect(parseSearchQuery('restart the api').clauses.map((c) => c.terms[0])).toEqual(['restart', 'api']);
  });

  it('searches a repeated word once', () => {
    expect(parseSearchQuery('restart api restart api ').clauses.map((c) => c.terms[0])).toEqual(['restart', 'api']);
    expect(parseSearchQuery('restart restart').clauses.map((c) => [c.terms[0], c.prefix])).toEqual([
      ['restart', false],
      ['restart', true],
    ]);
    expect(parseSearchQuery('restart '.repeat(1250)).clauses).toHaveLength(1);
  });

  it('caps a 10,000-character query and says so', () => {
    const parsed = parseSearchQuery('restart '.repeat(1250));
    expect(parsed.truncated).toBe(true);
    expect(parsed.text.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
    expect(parsed.clauses.length).toBeLessThanOrEqual(MAX_QUERY_CLAUSES);
    expect(parseSearchQuery('restart api').truncated).toBe(false);
  });

  it('caps the number of words even within the character limit', () => {
    const parsed = parseSearchQuery(Array.from({ length: 60 }, (_, i) => `w${i}`).join(' '));
    expect(parsed.clauses).toHaveLength(MAX_QUERY_CLAUSES);
    expect(parsed.truncated).toBe(true);
  });

  it('does not split a surrogate pair at the cap', () => {
    const parsed = parseSearchQuery(`${'a'.repeat(MAX_QUERY_CHARS - 1)}😀 more`);
    expect(parsed.text).toBe('a'.repeat(MAX_QUERY_CHARS - 1));
  });

  it.each(['', '    ', '!!!', '.*+?^${}()|[]\\', '🔥🚒', '""', '"', '“ ”'])('%j has nothing to search and does not throw', (text) => {
    const parsed = parseSearchQuery(text);
    expect(parsed.clauses).toEqual([]);
    expect(parsed.phrases).toEqual([]);
  });
});
