import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../../core/ingest/readFrontMatter';
import { lineOfKey, readDate, readRunbookFields } from '../../../core/ingest/readRunbookFields';

/** Fields as ingest reads them: from real YAML through the front-matter reader. */
function fieldsOf(yaml: string) {
  const front = readFrontMatter(`---\n${yaml}\n---\n`);
  expect(front.warnings).toEqual([]);
  return readRunbookFields(front.data, front.raw);
}

describe('readRunbookFields', () => {
  it('returns empty lists and no warnings when there is no front matter', () => {
    expect(readRunbookFields(undefined)).toEqual({ tags: [], aliases: [], alerts: [], variables: [], extra: {}, warnings: [] });
  });

  it('trims text fields and treats blank ones as absent', () => {
    const fields = fieldsOf('title: "  Failover  "\nsummary: ""\nowner: "   "\narea: db');
    expect(fields).toMatchObject({ title: 'Failover', area: 'db' });
    expect(fields.summary).toBeUndefined();
    expect(fields.owner).toBeUndefined();
    expect(fields.warnings).toEqual([]);
  });

  it('reads numbers and booleans written where text is expected as their text', () => {
    expect(fieldsOf('owner: 42\narea: true')).toMatchObject({ owner: '42', area: 'true' });
  });

  it('leaves out a field of the wrong kind, with a warning on its line', () => {
    const fields = fieldsOf('title: OK\nowner:\n  name: x\nsummary: [a, b]\ntags: {a: 1}');
    expect(fields.owner).toBeUndefined();
    expect(fields.summary).toBeUndefined();
    expect(fields.tags).toEqual([]);
    expect(fields.warnings.map((w) => [w.message.match(/"(\w+)"/)?.[1], w.line])).toEqual([
      ['summary', 5],
      ['owner', 3],
      ['tags', 6],
    ]);
    for (const w of fields.warnings) expect(w.code).toBe('field-invalid');
  });

  it('reads lists of text and numbers, dropping nested values and duplicates', () => {
    expect(fieldsOf('tags: [db, 5, {x: 1}, [y], db, " "]').tags).toEqual(['db', '5']);
    expect(fieldsOf('aliases: promote replica, switchover').aliases).toEqual(['promote replica', 'switchover']);
  });

  it('prefers the version as written over the number YAML makes of it', () => {
    expect(fieldsOf('version: 1.0').version).toBe('1.0');
    expect(fieldsOf("version: '2.0'").version).toBe('2.0');
    expect(fieldsOf('version: 1.10 # minor bump').version).toBe('1.10');
    expect(fieldsOf('version: v3').version).toBe('v3');
    // Without the raw text (another front-matter format) the number is all there is.
    expect(readRunbookFields({ version: 1.5 }).version).toBe('1.5');
  });

  it('reads a YAML date as the day the author wrote', () => {
    expect(fieldsOf('last_reviewed: 2026-02-03').lastReviewed).toBe('2026-02-03');
    expect(fieldsOf('last_reviewed: 2026-02-03 # by Ana').lastReviewed).toBe('2026-02-03');
    expect(fieldsOf('last_reviewed: 2026-02-03T01:00:00+09:00').lastReviewed).toBe('2026-02-03');
    expect(readRunbookFields({ last_reviewed: new Date(Date.UTC(2026, 1, 3)) }).lastReviewed).toBe('2026-02-03');
  });

  it('refuses a YAML date that does not exist instead of rolling it over', () => {
    const fields = fieldsOf('title: T\nlast_reviewed: 2026-02-30');
    expect(fields.lastReviewed).toBeUndefined();
    expect(fields.warnings).toEqual([expect.objectContaining({ code: 'field-invalid', line: 3 })]);
  });

  it('keeps unknown keys, including one named __proto__, as plain own fields', () => {
    const fields = fieldsOf('ticket: OPS-1\n__proto__:\n  polluted: yes\nwhen: 2026-01-02');
    expect(Object.keys(fields.extra)).toEqual(['ticket', '__proto__', 'when']);
    expect(Object.getPrototypeOf(fields.extra)).toBe(Object.prototype);
    expect((fields.extra as { polluted?: unknown }).polluted).toBeUndefined();
    expect(fields.extra.when).toBe('2026-01-02T00:00:00.000Z');
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('keeps only plain data in extra: functions and class instances are left out, even when handed in directly', () => {
    class Secret {
      value = 1;
    }
    const fields = readRunbookFields({
      run: () => 1,
      nested: { keep: 'yes', drop: new Secret() },
      list: [1, Math.max, 'x'],
      when: new Date(Date.UTC(2026, 0, 2)),
    });
    expect(fields.extra).toEqual({ nested: { keep: 'yes' }, list: [1, null, 'x'], when: '2026-01-02T00:00:00.000Z' });
    expect(Object.keys(fields.extra)).toEqual(['nested', 'list', 'when']);
    expect(structuredClone(fields.extra)).toEqual(fields.extra);
  });

  it('copies extra metadata nested far deeper than a recursive copy could go', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const fields = readRunbookFields({ deep });
    let at = fields.extra.deep;
    let depth = 0;
    while (Array.isArray(at)) [at, depth] = [at[0], depth + 1];
    expect([at, depth]).toEqual(['bottom', 100_000]);
  });

  it('reads 80,000 tags, keeping each once in the order written', () => {
    const tags = Array.from({ length: 80_000 }, (_, i) => `t${i % 60_000}`);
    const fields = readRunbookFields({ tags });
    expect(fields.tags).toHaveLength(60_000);
    expect(fields.tags.slice(0, 2)).toEqual(['t0', 't1']);
    expect(fields.tags.at(-1)).toBe('t59999');
  });

  it('reads the version as written next to a 64 KB line that starts like its key', () => {
    const raw = `summary: "x\nversion: a${' '.repeat(64_000)}'x\n  "\nversion: 1.10`;
    expect(readRunbookFields({ summary: 'x', version: 1.1 }, raw).version).toBeDefined();
    expect(readRunbookFields({ version: 1.1 }, 'version: 1.10 # minor').version).toBe('1.10');
    expect(readRunbookFields({ version: 2 }, "version: '2.0'").version).toBe('2.0');
  });

  it('does not put known fields into extra', () => {
    const fields = fieldsOf('title: T\ntags: a\nlast_reviewed: 2026-01-01\nteam: sre');
    expect(fields.extra).toEqual({ team: 'sre' });
  });
});

describe('readDate', () => {
  it.each([
    ['2026-02-03', '2026-02-03'],
    ['  2026-02-03  ', '2026-02-03'],
    ['2026-02-03T23:30:00-05:00', '2026-02-03'],
    ['2026-02-03 10:00', '2026-02-03'],
    ['2026/2/3', '2026-02-03'],
    ['2026.02.03', '2026-02-03'],
    ['2024-02-29', '2024-02-29'],
    ['Feb 3, 2026', '2026-02-03'],
    ['3 February 2026', '2026-02-03'],
    ['Sept. 3, 2026', '2026-09-03'],
  ])('reads %j as %s', (input, expected) => {
    expect(readDate(input)).toBe(expected);
  });

  it.each([
    ['a day that does not exist', '2026-02-30'],
    ['a leap day in a common year', '2025-02-29'],
    ['month 13', '2026-13-01'],
    ['an ISO date followed by junk', '2026-02-03garbage'],
    ['a rolled-over free-form day', 'Feb 30, 2026'],
    ['an ambiguous day/month order', '02/03/2026'],
    ['a step number', 'step 1'],
    ['a vague phrase', 'next week'],
    ['a month without a day', 'March 2026'],
    ['a quarter', 'Q1 2026'],
    ['a bare number', '20260203'],
    ['an empty string', ''],
  ])('refuses %s (%j)', (_name, input) => {
    expect(readDate(input)).toBeUndefined();
  });

  it('refuses values that are not dates or text', () => {
    expect(readDate(20260203)).toBeUndefined();
    expect(readDate(new Date('not a date'))).toBeUndefined();
    expect(readDate(['2026-02-03'])).toBeUndefined();
  });
});

describe('lineOfKey', () => {
  it('gives the file line of a top-level key (the block starts on line 2)', () => {
    const raw = 'title: T\nnested:\n  owner: x\nowner: y';
    expect(lineOfKey(raw, 'title')).toBe(2);
    expect(lineOfKey(raw, 'owner')).toBe(5);
    expect(lineOfKey(raw, 'missing')).toBeUndefined();
  });
});
