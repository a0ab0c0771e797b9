import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { gitBlobId } from '../../../core/ingest/gitBlobId';
import { ingestRunbook, titleFromFileName } from '../../../core/ingest/ingestRunbook';
import type { IngestResult, RunbookBody, RunbookMeta, SkippedFile } from '../../../core/model';
import { HOSTILE_RUNBOOKS } from '../../helpers/makeRunbookRepo';

const utf8 = (text: string) => new TextEncoder().encode(text);

function asRunbook(result: IngestResult): { meta: RunbookMeta; body: RunbookBody } {
  if (result.kind !== 'runbook') throw new Error(`expected a runbook, got a skip: ${result.skipped.reason}`);
  return result;
}

function asSkip(result: IngestResult): SkippedFile {
  if (result.kind !== 'skipped') throw new Error(`expected a skip, got the runbook "${result.meta.title}"`);
  return result.skipped;
}

function ingestText(text: string, path = 'ops/restart-api.md') {
  return asRunbook(ingestRunbook('main', { path, bytes: utf8(text) }));
}

const warningCodes = (meta: RunbookMeta) => meta.warnings.map((w) => w.code);

describe('ingestRunbook: front matter that cannot be used', () => {
  it('still shows a runbook whose YAML does not parse, with a warning on the broken line and no guessed metadata', () => {
    const text = [
      '---',
      'title: Restart the API',
      'summary: all tasks completed:',
      'owner: platform-team',
      '---',
      '# Restart the API safely',
      '',
      'Run `kubectl rollout restart deploy/api`.',
      '',
    ].join('\n');
    const { meta, body } = ingestText(text);

    expect(meta.warnings).toHaveLength(1);
    expect(meta.warnings[0]).toMatchObject({ code: 'front-matter-invalid', line: 3 });
    expect(meta.warnings[0]!.message).toMatch(/could not be read/);
    // Nothing from the unreadable block is trusted: not even the keys before the broken line.
    expect(meta.owner).toBeUndefined();
    expect(meta.summary).toBeUndefined();
    expect(meta.titleFrom).toBe('heading');
    expect(meta.title).toBe('Restart the API safely');
    // The procedure itself is intact and starts on the file line after the block.
    expect(body.markdown).toBe('# Restart the API safely\n\nRun `kubectl rollout restart deploy/api`.\n');
    expect(body.bodyLine).toBe(6);
    expect(meta.headings[0]).toMatchObject({ text: 'Restart the API safely', line: 6 });
  });

  it('reports the line of a YAML error further down the block', () => {
    const text = '---\ntitle: T\nowner: ops\ntags:\n  - a\n - b\n---\nbody\n';
    const { meta } = ingestText(text);
    expect(meta.warnings).toHaveLength(1);
    expect(meta.warnings[0]!.code).toBe('front-matter-invalid');
    // The badly indented "- b" is file line 6.
    expect(meta.warnings[0]!.line).toBe(6);
  });

  it('shows the whole text as the body when the front matter is never closed', () => {
    const text = '---\ntitle: Failover\nowner: dba\n\n# Failover\n\nPromote the replica.\n';
    const { meta, body } = ingestText(text);
    expect(body.markdown).toBe(text);
    expect(body.bodyLine).toBe(1);
    expect(warningCodes(meta)).toEqual(['front-matter-unclosed']);
    expect(meta.warnings[0]!.line).toBe(1);
    expect(meta.owner).toBeUndefined();
    expect(meta.title).toBe('Failover');
    expect(meta.headings.find((h) => h.text === 'Failover')?.line).toBe(5);
  });

  it('shows an empty file as an empty runbook named after the file, with a warning', () => {
    const { meta, body } = ingestText('', 'ops/disk-full.md');
    expect(body.markdown).toBe('');
    expect(meta.title).toBe('disk full');
    expect(meta.titleFrom).toBe('file-name');
    expect(warningCodes(meta)).toEqual(['empty-file']);
  });

  it('treats a file of blank lines as empty', () => {
    const { meta } = ingestText('\n  \n\t\n');
    expect(warningCodes(meta)).toEqual(['empty-file']);
  });

  it('warns when there is no front matter, and reads the rest as usual', () => {
    const { meta, body } = ingestText('# Rotate certificates\n\nSteps.\n');
    expect(warningCodes(meta)).toEqual(['no-front-matter']);
    expect(meta.title).toBe('Rotate certificates');
    expect(body.markdown).toBe('# Rotate certificates\n\nSteps.\n');
    expect(body.bodyLine).toBe(1);
  });

  it('does not warn about missing front matter when an empty block is present', () => {
    const { meta, body } = ingestText('---\n---\n# Title\n');
    expect(meta.warnings).toEqual([]);
    expect(body.markdown).toBe('# Title\n');
    expect(body.bodyLine).toBe(3);
  });

  describe('executable front matter', () => {
    type Flags = Record<string, unknown>;
    const flags = globalThis as unknown as Flags;
    const payload = (flag: string, lang: string) =>
      `---${lang}\n{ title: (globalThis.${flag} = 'executed', 'Owned') }\n---\n# Real title\n\nSafe body.\n`;

    it('uses a payload that gray-matter on its own would execute', () => {
      // The control: without the refusal this very text runs code, so the test below is meaningful.
      const flag = '__runbookReaderControlFlag';
      delete flags[flag];
      matter(payload(flag, 'js'));
      expect(flags[flag]).toBe('executed');
      delete flags[flag];
    });

    for (const lang of ['js', 'javascript', 'JS', 'coffee']) {
      it(`refuses ---${lang} without evaluating it, and still shows the body`, () => {
        const flag = `__runbookReaderIngestFlag_${lang}`;
        delete flags[flag];
        const { meta, body } = ingestText(payload(flag, lang));
        expect(flags[flag]).toBeUndefined();
        expect(warningCodes(meta)).toEqual(['front-matter-invalid']);
        expect(meta.warnings[0]!.message).toMatch(/not supported/);
        expect(meta.title).toBe('Real title');
        expect(body.markdown).toBe('# Real title\n\nSafe body.\n');
      });
    }
  });

  it('ignores front matter that is a list instead of key: value fields, with a warning', () => {
    const { meta, body } = ingestText('---\n- title: A\n- owner: b\n---\n# From the heading\n');
    expect(warningCodes(meta)).toEqual(['front-matter-not-object']);
    expect(meta.title).toBe('From the heading');
    expect(meta.owner).toBeUndefined();
    expect(body.markdown).toBe('# From the heading\n');
    expect(body.bodyLine).toBe(5);
  });

  it('ignores front matter that is a single value, with a warning', () => {
    const { meta } = ingestText('---\njust a sentence\n---\ntext\n');
    expect(warningCodes(meta)).toEqual(['front-matter-not-object']);
  });
});

describe('ingestRunbook: encodings and line endings', () => {
  it('drops a byte order mark before reading the front matter', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('---\ntitle: With BOM\n---\nBody\n')]);
    const { meta, body } = asRunbook(ingestRunbook('main', { path: 'bom.md', bytes }));
    expect(meta.title).toBe('With BOM');
    expect(meta.titleFrom).toBe('front-matter');
    expect(meta.warnings).toEqual([]);
    expect(body.markdown).toBe('Body\n');
    expect(meta.size).toBe(bytes.length);
  });

  it('reads CRLF files with \\n bodies and the same line numbers as the file', () => {
    const text = '---\r\ntitle: Windows\r\nlast_reviewed: someday\r\n---\r\n\r\n# Windows\r\n\r\n## Step two\r\n[next](next.md)\r\n';
    const { meta, body } = ingestText(text);
    expect(body.markdown).toBe('\n# Windows\n\n## Step two\n[next](next.md)\n');
    expect(body.markdown).not.toContain('\r');
    expect(body.bodyLine).toBe(5);
    expect(meta.headings.map((h) => [h.text, h.line])).toEqual([
      ['Windows', 6],
      ['Step two', 8],
    ]);
    expect(meta.links[0]).toMatchObject({ href: 'next.md', line: 9 });
    expect(meta.warnings).toEqual([expect.objectContaining({ code: 'field-invalid', line: 3 })]);
  });
});

describe('ingestRunbook: fields', () => {
  const withFront = (front: string, rest = '# Heading\n') => ingestText(`---\n${front}\n---\n${rest}`).meta;

  it('reads last_reviewed written as a YAML date or as a string', () => {
    expect(withFront('last_reviewed: 2026-02-03').lastReviewed).toBe('2026-02-03');
    expect(withFront('last_reviewed: "2026-02-03"').lastReviewed).toBe('2026-02-03');
    expect(withFront("last_reviewed: 'Feb 3, 2026'").lastReviewed).toBe('2026-02-03');
  });

  it('keeps the calendar day written in a timestamp with a time zone', () => {
    expect(withFront('last_reviewed: 2026-02-03T23:30:00-05:00').lastReviewed).toBe('2026-02-03');
  });

  for (const bad of ['2026-02-30', '2026-13-01', '"2026-02-30"', 'next week', '"step 1"', '20260203']) {
    it(`warns about the invalid date ${bad} and leaves last_reviewed out`, () => {
      const meta = withFront(`title: T\nlast_reviewed: ${bad}`);
      expect(meta.lastReviewed).toBeUndefined();
      expect(meta.warnings).toEqual([expect.objectContaining({ code: 'field-invalid', line: 3 })]);
      expect(meta.warnings[0]!.message).toContain('last_reviewed');
    });
  }

  it('keeps version 1.0 as "1.0" rather than the number 1', () => {
    expect(withFront('version: 1.0').version).toBe('1.0');
    expect(withFront('version: 2.10 # bumped').version).toBe('2.10');
    expect(withFront('version: 3').version).toBe('3');
    expect(withFront('version: "1.0.3"').version).toBe('1.0.3');
  });

  it('reads tags as a list or as a comma-separated string, trimmed and without duplicates', () => {
    expect(withFront('tags: [db, failover, db]').tags).toEqual(['db', 'failover']);
    expect(withFront('tags:\n  - db\n  - " failover "').tags).toEqual(['db', 'failover']);
    expect(withFront('tags: db, failover ,, postgres').tags).toEqual(['db', 'failover', 'postgres']);
    expect(withFront('title: T').tags).toEqual([]);
  });

  it('keeps unknown keys in extra, with dates as ISO strings at any depth', () => {
    const meta = withFront('runbook_id: RB-7\nescalation:\n  after: 2026-01-05\n  to: [sre]\nreviewed_on: 2026-01-02\nsla_minutes: 15');
    expect(meta.extra).toEqual({
      runbook_id: 'RB-7',
      escalation: { after: '2026-01-05T00:00:00.000Z', to: ['sre'] },
      reviewed_on: '2026-01-02T00:00:00.000Z',
      sla_minutes: 15,
    });
    // Extra metadata must survive IndexedDB's structured clone unchanged.
    expect(structuredClone(meta.extra)).toEqual(meta.extra);
  });

  it('lower-cases the status', () => {
    expect(withFront('status: Deprecated').status).toBe('deprecated');
    expect(withFront('status: DRAFT ').status).toBe('draft');
  });

  it('reads the schema fields', () => {
    const meta = withFront(
      'title: DB failover\nsummary: Promote the replica\narea: database\nowner: dba-team\naliases: switchover, promote',
    );
    expect(meta).toMatchObject({
      title: 'DB failover',
      titleFrom: 'front-matter',
      summary: 'Promote the replica',
      area: 'database',
      owner: 'dba-team',
      aliases: ['switchover', 'promote'],
      extra: {},
    });
  });

  describe('title fallback: front matter, then the first # heading, then the file name', () => {
    it('prefers the front-matter title', () => {
      const meta = withFront('title: From front matter', '## Sub\n# From heading\n');
      expect([meta.title, meta.titleFrom]).toEqual(['From front matter', 'front-matter']);
    });

    it('uses the first level-1 heading, not an earlier level-2 one', () => {
      const meta = withFront('owner: x', '## Sub\n# From heading\n# Second\n');
      expect([meta.title, meta.titleFrom]).toEqual(['From heading', 'heading']);
    });

    it('uses the heading when the front-matter title is blank', () => {
      const meta = withFront('title: "   "', '# From heading\n');
      expect([meta.title, meta.titleFrom]).toEqual(['From heading', 'heading']);
    });

    it('skips an empty # heading', () => {
      const meta = ingestText('#\n\n# Actual title\n').meta;
      expect([meta.title, meta.titleFrom]).toEqual(['Actual title', 'heading']);
    });

    it('falls back to the file name', () => {
      const meta = ingestText('## Only a sub-heading\n', 'ops/ban-sync_troubleshooting.md').meta;
      expect([meta.title, meta.titleFrom]).toEqual(['ban sync troubleshooting', 'file-name']);
    });

    it('derives readable names from file names', () => {
      expect(titleFromFileName('a/b/db--fail_over.markdown')).toBe('db fail over');
      expect(titleFromFileName('README.MD')).toBe('README');
      expect(titleFromFileName('.md')).toBe('.md');
    });
  });
});

describe('ingestRunbook: files that are not runbooks are skipped with a reason', () => {
  it('skips Latin-1 text as not-utf8, keeping path and blob id', () => {
    const bytes = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]); // "café\n" in Latin-1
    const skipped = asSkip(ingestRunbook('main', { path: 'menu.md', bytes }));
    expect(skipped).toMatchObject({ sourceId: 'main', path: 'menu.md', reason: 'not-utf8', oid: gitBlobId(bytes) });
    expect(skipped.message).toMatch(/UTF-8/);
  });

  it('skips a PNG as binary', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(asSkip(ingestRunbook('main', { path: 'diagram.md', bytes: png })).reason).toBe('binary');
  });

  it('skips a file over the size limit, naming both sizes', () => {
    const bytes = utf8('x'.repeat(1536));
    const skipped = asSkip(ingestRunbook('main', { path: 'huge.md', bytes }, { maxBytes: 1000 }));
    expect(skipped.reason).toBe('too-large');
    expect(skipped.message).toContain('1.5 KiB');
    expect(skipped.message).toContain('1000 B');
  });

  it('accepts a file exactly at the size limit', () => {
    expect(ingestRunbook('main', { path: 'edge.md', bytes: utf8('x'.repeat(1000)) }, { maxBytes: 1000 }).kind).toBe('runbook');
  });

  it('uses the blob id the source already knows', () => {
    const skipped = asSkip(ingestRunbook('main', { path: 'b.md', bytes: new Uint8Array([0]), oid: 'abc123' }));
    expect(skipped.oid).toBe('abc123');
  });
});

describe('ingestRunbook: untrusted content never becomes a live link', () => {
  const hostile = [
    '<a href="javascript:alert(1)">raw anchor</a>',
    '<img src=x onerror="globalThis.pwned=1">',
    '<script>globalThis.pwned = 1</script>',
    '[plain](javascript:alert(1))',
    '[mixed](JaVaScRiPt:alert(1))',
    '[spaced](<  javascript:alert(1)>)',
    '[entity](&#106;avascript:alert(1))',
    '[tabbed](<java\tscript:alert(1)>)',
    '[encoded tab](java%09script:alert(1))',
    '[control](<\u0001javascript:alert(1)>)',
    '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[vb](vbscript:msgbox(1))',
    '![img](javascript:alert(1))',
    '<javascript:alert(1)>',
    '[ref][evil]',
    '',
    '[evil]: javascript:alert(1)',
  ].join('\n');

  it('blocks every script-bearing link target and keeps the text as written', () => {
    const { meta, body } = ingestText(`# Hostile\n\n${hostile}\n`);
    expect(body.markdown).toContain('<script>globalThis.pwned = 1</script>');
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
    // Raw HTML elements are not links at all; every Markdown link above points at a script or data URL.
    expect(meta.links.map((l) => l.text)).toEqual([
      'plain',
      'mixed',
      'spaced',
      'entity',
      'tabbed',
      'encoded tab',
      'control',
      'data',
      'vb',
      'img',
      'javascript:alert(1)',
      'ref',
    ]);
    for (const link of meta.links) {
      expect({ href: link.href, kind: link.target.kind }).toEqual({ href: link.href, kind: 'blocked' });
    }
  });
});

describe('ingestRunbook: purity and robustness', () => {
  it('gives the same record for the same path and bytes', () => {
    const text = '---\ntitle: T\nlast_reviewed: 2026-02-03\nextra_date: 2026-01-01\n---\n# A\n[x](y.md#z)\n';
    expect(ingestText(text)).toEqual(ingestText(text));
  });

  it('computes the blob id from the bytes when the source does not give one', () => {
    const bytes = utf8('# Hello\n');
    expect(asRunbook(ingestRunbook('s', { path: 'a.md', bytes })).meta.oid).toBe(gitBlobId(bytes));
  });

  const oddInputs: Record<string, string> = {
    'only an opening delimiter': '---',
    'delimiters only': '---\n---',
    'closing delimiter at end of file': '---\ntitle: T\n---',
    'yaml of punctuation': '---\n: : :\n---\n',
    'unknown front-matter language': '---toml\ntitle = "T"\n---\n',
    'json front matter': '---json\n{"title": "From JSON", "tags": ["a"]}\n---\nbody\n',
    'yaml alias bomb (small)': '---\na: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n---\n',
    'wrong kinds for every field':
      '---\ntitle: [1]\nsummary: {a: 1}\ntags: 5\naliases: true\nstatus: [x]\nowner: {}\nversion: [1]\nlast_reviewed: [2026]\n---\n',
    'deeply nested list': `${'- '.repeat(200)}x\n`,
    'many headings': Array.from({ length: 500 }, () => '## Same').join('\n'),
    'unterminated code fence': '```\n# not a heading\n',
    'lone surrogate escape in yaml': '---\ntitle: "\\ud800"\n---\n',
  };
  for (const [name, text] of Object.entries(oddInputs)) {
    it(`never throws and always returns a runbook or a skip: ${name}`, () => {
      const result = ingestRunbook('s', { path: 'odd.md', bytes: utf8(text) });
      expect(['runbook', 'skipped']).toContain(result.kind);
      if (result.kind === 'runbook') expect(result.meta.title.length).toBeGreaterThan(0);
    });
  }

  it('reads JSON front matter', () => {
    const { meta } = ingestText('---json\n{"title": "From JSON", "tags": ["a"]}\n---\nbody\n');
    expect(meta).toMatchObject({ title: 'From JSON', tags: ['a'], warnings: [] });
  });

  it('makes every heading id unique even with hundreds of duplicates', () => {
    const { meta } = ingestText(Array.from({ length: 500 }, () => '## Same').join('\n'));
    expect(new Set(meta.headings.map((h) => h.id)).size).toBe(500);
  });
});

describe('ingestRunbook: contacts on request', () => {
  const text = '---\ntitle: DB\n---\n# DB\n\n## Contacts\n\n- **DBA on call**: +1 415 555 0100, dba@example.com\n';
  const file = { path: 'db.md', bytes: new TextEncoder().encode(text) };

  it('extracts contacts by default and only when asked for them otherwise', () => {
    const all = ingestRunbook('s', file);
    const skipped = ingestRunbook('s', file, { wantContacts: () => false });
    const asked = ingestRunbook('s', file, { wantContacts: (meta) => meta.title === 'DB' });
    if (all.kind !== 'runbook' || skipped.kind !== 'runbook' || asked.kind !== 'runbook') throw new Error('skipped');
    expect(all.meta.contacts?.map((c) => c.kind)).toEqual(['phone', 'email']);
    expect(skipped.meta.contacts).toBeUndefined();
    expect(asked.meta.contacts).toEqual(all.meta.contacts);
  });
});

describe('ingestRunbook: hostile files stay readable and storable', () => {
  const prototypeNames = ['valueOf', 'constructor', 'toString', '__proto__', 'hasOwnProperty'];

  for (const name of prototypeNames) {
    it(`gives a record that survives structured cloning with "${name}" as opening word, key and value`, () => {
      const texts = [
        `---${name}\ntitle: T\n---\n# Opening word\n`,
        `---\n${name}: 1\nnested:\n  ${name}: {${name}: ${name}}\n---\n# As key\n`,
        `---\ntitle: ${name}\nowner: ${name}\ntags: [${name}]\nx: ${name}\n---\n# As value\n`,
        `---json\n{"${name}": {"${name}": "${name}"}}\n---\n# JSON\n`,
      ];
      for (const text of texts) {
        const record = ingestRunbook('s', { path: 'proto.md', bytes: utf8(text) });
        expect(() => structuredClone(record)).not.toThrow();
        expect(structuredClone(record)).toEqual(record);
      }
      const refused = ingestText(texts[0]!).meta;
      expect(warningCodes(refused)).toEqual(['front-matter-invalid']);
      expect(refused.title).toBe('Opening word');
    });
  }

  it('keeps a file that takes more work than its budget as plain text, with a warning saying so', () => {
    const text =
      '---\ntitle: Busy\n---\n# Busy\n\n' + Array.from({ length: 200 }, (_, i) => `- [link ${i}](page-${i}.md) \`code\``).join('\n') + '\n';
    const result = ingestRunbook('s', { path: 'ops/busy-page.md', bytes: utf8(text) }, { workUnits: 500 });
    const { meta, body } = asRunbook(result);
    expect(warningCodes(meta)).toEqual(['shown-as-plain-text']);
    expect(meta.warnings[0]!.message).toMatch(/plain text.*more work/);
    expect(meta).toMatchObject({ title: 'busy page', titleFrom: 'file-name', headings: [], links: [], extra: {} });
    // The whole file, front matter included, is in the body verbatim inside one fence, so nothing is lost.
    expect(body.markdown.startsWith('```text\n')).toBe(true);
    expect(body.markdown).toContain(text);
    expect(body.bodyLine).toBe(0);
    // The same file with the normal budget is read as usual.
    expect(ingestText(text).meta.links).toHaveLength(200);
  });

  it('fences plain text with more backticks than any run inside it', () => {
    const text = '````\nnot closed by a shorter fence ```\n';
    const { body } = asRunbook(ingestRunbook('s', { path: 'a.md', bytes: utf8(text) }, { workUnits: 1 }));
    expect(body.markdown).toBe('`````text\n````\nnot closed by a shorter fence ```\n`````\n');
  });

  it('reads the alias bomb and the emphasis pathology as runbooks with their bodies', () => {
    const bomb = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 8; i++)
      bomb.push(
        `l${i}: &l${i} [${Array(10)
          .fill(i === 1 ? '*a' : `*l${i - 1}`)
          .join(', ')}]`,
      );
    const bombed = ingestText(`---\n${bomb.join('\n')}\n---\n# Bomb\n`).meta;
    expect(bombed.warnings[0]!.message).toContain('too many aliases');
    expect(bombed.title).toBe('Bomb');

    const stars = '*'.repeat(16_000);
    const { meta, body } = ingestText(`# Stars\n\n## Contacts\n\n- Ops: ${stars}#ops${stars}\n`);
    expect(meta.title).toBe('Stars');
    expect(body.markdown).toContain(stars);
    expect(meta.contacts?.map((c) => c.value)).toEqual(['#ops']);
  });
});

describe('ingestRunbook: the hostile repository', () => {
  for (const [name, file] of Object.entries(HOSTILE_RUNBOOKS)) {
    // A generous cap, not a timing: on a busy shared machine 80,000 tags of YAML take a few seconds.
    it(`reads ${name} as a storable runbook with a title`, { timeout: 30_000 }, () => {
      const { meta, body } = ingestText(file.content, file.path);
      expect(meta.title.length).toBeGreaterThan(0);
      expect(body.markdown.length).toBeGreaterThan(0);
      expect(structuredClone({ meta, body })).toEqual({ meta, body });
    });
  }
});
