import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../../core/ingest/readFrontMatter';

describe('readFrontMatter', () => {
  it('returns the whole text as body when the file does not start with ---', () => {
    const text = '# Title\n\n---\n\nAfter a rule.\n';
    expect(readFrontMatter(text)).toEqual({ body: text, bodyLine: 1, warnings: [] });
  });

  it('splits a YAML block from the body and says on which file line the body starts', () => {
    const result = readFrontMatter('---\ntitle: Failover\nowner: dba\n---\n# Failover\n');
    expect(result).toEqual({
      data: { title: 'Failover', owner: 'dba' },
      raw: 'title: Failover\nowner: dba',
      body: '# Failover\n',
      bodyLine: 5,
      warnings: [],
    });
  });

  it('keeps later --- lines (thematic breaks) in the body', () => {
    const result = readFrontMatter('---\ntitle: a\n---\nbody\n\n---\n\nmore');
    expect(result.body).toBe('body\n\n---\n\nmore');
  });

  it('accepts delimiters with trailing spaces and a closing delimiter at the very end of the file', () => {
    expect(readFrontMatter('---  \ntitle: a\n---  \nbody')).toMatchObject({ data: { title: 'a' }, body: 'body', bodyLine: 4 });
    expect(readFrontMatter('---\ntitle: a\n---')).toMatchObject({ data: { title: 'a' }, body: '', bodyLine: 3 });
  });

  it('does not treat a four-dash rule on the first line as front matter', () => {
    const text = '----\ntitle: a\n---\n';
    expect(readFrontMatter(text)).toEqual({ body: text, bodyLine: 1, warnings: [] });
  });

  it('reads an empty or comment-only block as no fields, without warnings', () => {
    expect(readFrontMatter('---\n---\nB')).toMatchObject({ data: {}, raw: '', body: 'B', bodyLine: 3, warnings: [] });
    expect(readFrontMatter('---\n# only a comment\n---\nB')).toMatchObject({ data: {}, body: 'B', warnings: [] });
  });

  it('warns about a block that is never closed and keeps every line in the body', () => {
    const text = '---\ntitle: a\nbody line\n';
    const result = readFrontMatter(text);
    expect(result.data).toBeUndefined();
    expect(result.raw).toBeUndefined();
    expect(result.body).toBe(text);
    expect(result.bodyLine).toBe(1);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'front-matter-unclosed', line: 1 })]);
  });

  it('warns about a lone opening delimiter', () => {
    expect(readFrontMatter('---').warnings).toEqual([expect.objectContaining({ code: 'front-matter-unclosed' })]);
  });

  it('points at the file line of a YAML error', () => {
    const colon = readFrontMatter('---\ntitle: T\nsummary: all tasks completed:\n---\nbody');
    expect(colon.warnings).toEqual([expect.objectContaining({ code: 'front-matter-invalid', line: 3 })]);
    expect(colon.data).toBeUndefined();
    expect(colon).toMatchObject({ body: 'body', bodyLine: 5 });

    const duplicate = readFrontMatter('---\na: 1\nb: 2\na: 3\n---\nx');
    expect(duplicate.warnings).toEqual([expect.objectContaining({ code: 'front-matter-invalid', line: 4 })]);
    expect(duplicate.warnings[0]!.message).toContain('duplicated mapping key');
  });

  it('refuses YAML tags that would build functions', () => {
    const flags = globalThis as unknown as Record<string, unknown>;
    const result = readFrontMatter('---\ntitle: !!js/function "function () { globalThis.__yamlTagRan = 1 }"\n---\nbody');
    expect(result.data).toBeUndefined();
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'front-matter-invalid' })]);
    expect(flags.__yamlTagRan).toBeUndefined();
  });

  it('refuses ---js blocks, keeps the body, and leaves no data', () => {
    const flags = globalThis as unknown as Record<string, unknown>;
    const result = readFrontMatter('---js\n{ title: (globalThis.__frontMatterJsRan = 1, "x") }\n---\nbody');
    expect(flags.__frontMatterJsRan).toBeUndefined();
    expect(result.data).toBeUndefined();
    expect(result).toMatchObject({ body: 'body', bodyLine: 4 });
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'front-matter-invalid' })]);
  });

  it('warns when the block is a list or a single value rather than fields', () => {
    for (const text of ['---\n- a\n- b\n---\nx', '---\njust words\n---\nx', '---\n42\n---\nx']) {
      const result = readFrontMatter(text);
      expect(result.data).toBeUndefined();
      expect(result.warnings).toEqual([expect.objectContaining({ code: 'front-matter-not-object' })]);
      expect(result.body).toBe('x');
    }
  });

  it('gives the same answer for the same text every time (no shared cache surprises)', () => {
    const text = '---\ntitle: cached?\n---\nbody';
    const first = readFrontMatter(text);
    (first.data as Record<string, unknown>).title = 'mutated by a caller';
    expect(readFrontMatter(text).data).toEqual({ title: 'cached?' });
  });
});
