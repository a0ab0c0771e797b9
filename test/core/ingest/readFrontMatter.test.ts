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
    expect(duplicate.warnings[0]!.message).toContain('keys must be unique');
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

  describe('hostile blocks', () => {
    /** `levels` anchors, each a list of ten references to the one before: 10^levels strings once expanded. */
    const aliasBomb = (levels: number) => {
      const lines = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
      for (let i = 1; i < levels; i++) lines.push(`l${i}: &l${i} [${Array.from({ length: 10 }, () => `*l${i - 1}`).join(', ')}]`);
      return `---\n${lines.join('\n')}\n---\n# Still readable\n`;
    };

    for (const levels of [7, 8]) {
      it(`refuses a ${levels}-level YAML alias bomb with "too many aliases" and keeps the body`, () => {
        const result = readFrontMatter(aliasBomb(levels));
        expect(result.data).toBeUndefined();
        expect(result.warnings).toEqual([expect.objectContaining({ code: 'front-matter-invalid' })]);
        expect(result.warnings[0]!.message).toContain('too many aliases');
        expect(result).toMatchObject({ body: '# Still readable\n', bodyLine: levels + 3 });
      });
    }

    it('still reads the few aliases and merge keys real front matter uses', () => {
      const result = readFrontMatter('---\nbase: &base {team: sre}\ndb:\n  <<: *base\n  tier: 1\nalso: *base\n---\nx');
      expect(result.warnings).toEqual([]);
      expect(result.data).toEqual({ base: { team: 'sre' }, db: { team: 'sre', tier: 1 }, also: { team: 'sre' } });
    });

    it('reads ---yaml and ---yml blocks as YAML', () => {
      expect(readFrontMatter('---yaml\ntitle: A\n---\nx').data).toEqual({ title: 'A' });
      expect(readFrontMatter('---yml\ntitle: B\n---\nx').data).toEqual({ title: 'B' });
    });

    for (const word of ['valueOf', 'constructor', 'toString', '__proto__', 'hasOwnProperty', 'toml']) {
      it(`refuses a ---${word} opening line with a warning and keeps the body`, () => {
        const result = readFrontMatter(`---${word}\ntitle: T\n---\n# Body\n`);
        expect(result.data).toBeUndefined();
        expect(result.warnings).toEqual([expect.objectContaining({ code: 'front-matter-invalid', line: 1 })]);
        expect(result.warnings[0]!.message).toContain(`"${word}" is not supported`);
        expect(result).toMatchObject({ body: '# Body\n', bodyLine: 4 });
      });
    }

    it('refuses a block nested deeper than any real front matter before parsing it, with its line', () => {
      // 20,000 levels once ran the parser to the end of the stack, where V8 may end the process instead of throwing.
      for (const opening of ['[', '{', "'["]) {
        const result = readFrontMatter(`---\ntitle: T\na: ${opening.repeat(20000)}\n---\nbody`);
        expect(result.data).toBeUndefined();
        expect(result.warnings).toEqual([expect.objectContaining({ code: 'front-matter-invalid', line: 3 })]);
        expect(result.warnings[0]!.message).toContain('nested too deeply');
        expect(result.body).toBe('body');
      }
    });

    it('still reads ordinary nesting', () => {
      expect(readFrontMatter('---\na: [[1, 2], {b: [3]}]\n---\nbody').data).toEqual({ a: [[1, 2], { b: [3] }] });
    });
  });
});
