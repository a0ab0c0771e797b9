import { describe, expect, it } from 'vitest';
import { ingestRunbook } from '../../../core/ingest/ingestRunbook';
import { runbookSections } from '../../../core/search/runbookSections';

function sectionsOf(markdown: string) {
  const result = ingestRunbook('s', { path: 'ops/runbook.md', bytes: new TextEncoder().encode(markdown) });
  if (result.kind !== 'runbook') throw new Error('not a runbook');
  return runbookSections(result.meta, result.body);
}

describe('runbookSections', () => {
  it('makes one section per heading with the GitHub anchors the reader scrolls to, and its parents', () => {
    const sections = sectionsOf(
      '---\ntitle: T\n---\n# Ops\n\nIntro.\n\n## Ban a user\n\nDo it.\n\n### Verify\n\nCheck.\n\n## Ban a user\n\nAgain.\n',
    );
    expect(sections.map((s) => [s.anchor, s.heading, s.depth, s.parents, s.text])).toEqual([
      ['ops', 'Ops', 1, [], 'Intro.'],
      ['ban-a-user', 'Ban a user', 2, ['Ops'], 'Do it.'],
      ['verify', 'Verify', 3, ['Ops', 'Ban a user'], 'Check.'],
      ['ban-a-user-1', 'Ban a user', 2, ['Ops'], 'Again.'],
    ]);
  });

  it('keeps the text before the first heading as a section with an empty anchor', () => {
    const sections = sectionsOf('Read this first.\n\n# Title\n\nBody.\n');
    expect(sections.map((s) => [s.anchor, s.text])).toEqual([
      ['', 'Read this first.'],
      ['title', 'Body.'],
    ]);
  });

  it('gives a runbook without headings one section, even when empty', () => {
    expect(sectionsOf('Just text.').map((s) => [s.anchor, s.text])).toEqual([['', 'Just text.']]);
    expect(sectionsOf('').map((s) => [s.anchor, s.text])).toEqual([['', '']]);
  });

  it('strips Markdown syntax, keeps code and link text, drops raw HTML and link targets', () => {
    const [section] = sectionsOf(
      '**Bold** and _em_ with `MOD_BAN_SYNC` and [the docs](https://example.com/x).\n\n<script>alert(1)</script>\n\n```bash\nkubectl -n prod rollout undo deploy/api\n```\n\n| a | b |\n|---|---|\n| 503 | down |\n\n![diagram of flow](img.png)\n',
    );
    expect(section!.text).toContain('Bold and em with MOD_BAN_SYNC and the docs.');
    expect(section!.text).toContain('kubectl -n prod rollout undo deploy/api');
    expect(section!.text).toContain('503 | down');
    expect(section!.text).toContain('diagram of flow');
    expect(section!.text).not.toContain('example.com');
    expect(section!.text).not.toContain('script');
    expect(section!.text).not.toContain('**');
  });

  it('cuts at headings nested in block quotes and lists, like the reader does', () => {
    const sections = sectionsOf('# A\n\n> ## Quoted\n>\n> inside\n\nafter\n');
    expect(sections.map((s) => [s.anchor, s.text])).toEqual([
      ['a', ''],
      ['quoted', 'inside\n\nafter'],
    ]);
  });

  it('keeps the text of nested block quotes, and survives absurdly deep nesting', () => {
    expect(sectionsOf(`${'>'.repeat(50)} deep\n`)[0]!.text).toBe('deep');
    // Past the tokenizer's nesting limit the text is left out of the index rather than risking the stack.
    expect(sectionsOf(`# T\n\n${'>'.repeat(100_000)} deep\n`).map((s) => s.anchor)).toEqual(['t']);
  });
});
