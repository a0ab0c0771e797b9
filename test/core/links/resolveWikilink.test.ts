import { describe, expect, it } from 'vitest';
import { relativeHref, resolveWikilink } from '../../../core/links/resolveWikilink';
import { resolveRunbookLink } from '../../../core/links/resolveRunbookLink';
import { SourceFileIndex, sourceFileIndexFor } from '../../../core/links/sourceFileIndex';
import { findWikilinksInMarkdown, parseWikilink, wikilinkText } from '../../../core/links/wikilinkSyntax';

const index = new SourceFileIndex(
  ['index.md', 'users/user-guide.md', 'ops/setup.md', 'db/setup.md', 'ops/deploy.md', 'ops/notes/Restart Web.md', 'README.md'],
  ['img/arch.png', 'ops/diagram.svg'],
);
const resolve = (from: string, inner: string, embed = false) => resolveWikilink(from, parseWikilink(inner, embed), index);

describe('parseWikilink', () => {
  it('reads target, heading and label, the way Obsidian writes them', () => {
    expect(parseWikilink('users/user-guide|User Guide', false)).toEqual({
      embed: false,
      target: 'users/user-guide',
      heading: undefined,
      label: 'User Guide',
    });
    expect(parseWikilink('deploy#Roll back', false)).toMatchObject({ target: 'deploy', heading: 'Roll back', label: undefined });
    expect(parseWikilink('#Steps', false)).toMatchObject({ target: '', heading: 'Steps' });
    expect(parseWikilink('deploy#^block1', false)).toMatchObject({ target: 'deploy', heading: undefined });
    expect(parseWikilink('deploy\\|in a table', false)).toMatchObject({ target: 'deploy', label: 'in a table' });
    expect(parseWikilink('arch.png', true).embed).toBe(true);
  });

  it('shows the target (and heading) when there is no label', () => {
    expect(wikilinkText(parseWikilink('ops/deploy.md#Roll back', false))).toBe('ops/deploy › Roll back');
    expect(wikilinkText(parseWikilink('#Steps', false))).toBe('Steps');
  });
});

describe('resolveWikilink', () => {
  it('takes the exact path from the source root first, with or without .md', () => {
    expect(resolve('index.md', 'users/user-guide')).toEqual({ kind: 'file', path: 'users/user-guide.md' });
    expect(resolve('ops/deploy.md', 'ops/setup.md')).toEqual({ kind: 'file', path: 'ops/setup.md' });
    expect(resolve('ops/deploy.md', 'README')).toEqual({ kind: 'file', path: 'README.md' });
  });

  it('then a path from the runbook’s own folder, then the one file of that name anywhere, capitals ignored', () => {
    expect(resolve('ops/deploy.md', 'setup')).toEqual({ kind: 'file', path: 'ops/setup.md' });
    expect(resolve('index.md', 'USER-GUIDE')).toEqual({ kind: 'file', path: 'users/user-guide.md' });
    expect(resolve('index.md', 'restart web')).toEqual({ kind: 'file', path: 'ops/notes/Restart Web.md' });
    expect(resolve('index.md', 'notes/Restart Web')).toEqual({ kind: 'file', path: 'ops/notes/Restart Web.md' });
  });

  it('follows ./ and ../ from the runbook’s folder, and refuses to leave the source', () => {
    expect(resolve('ops/notes/Restart Web.md', '../deploy')).toEqual({ kind: 'file', path: 'ops/deploy.md' });
    expect(resolve('ops/deploy.md', './setup')).toEqual({ kind: 'file', path: 'ops/setup.md' });
    expect(resolve('ops/deploy.md', '../../outside')).toMatchObject({
      kind: 'missing',
      reason: expect.stringContaining('outside this source'),
    });
  });

  it('gives the heading’s GitHub anchor id, and [[#Heading]] points into the same page', () => {
    expect(resolve('index.md', 'ops/deploy#Roll back (fast)')).toEqual({ kind: 'file', path: 'ops/deploy.md', anchor: 'roll-back-fast' });
    expect(resolve('index.md', '#Steps to take')).toEqual({ kind: 'anchor', anchor: 'steps-to-take' });
  });

  it('resolves embedded images among the source’s files', () => {
    expect(resolve('index.md', 'arch.png', true)).toEqual({ kind: 'file', path: 'img/arch.png' });
    expect(resolve('ops/deploy.md', 'diagram.svg', true)).toEqual({ kind: 'file', path: 'ops/diagram.svg' });
  });

  it('explains an ambiguous name instead of guessing, and a missing one', () => {
    const ambiguous = resolve('index.md', 'setup');
    expect(ambiguous).toMatchObject({ kind: 'ambiguous', candidates: ['db/setup.md', 'ops/setup.md'] });
    expect(ambiguous.kind === 'ambiguous' && ambiguous.reason).toMatch(/^2 runbooks are named "setup" — link is ambiguous/);
    expect(resolve('index.md', 'nowhere')).toMatchObject({
      kind: 'missing',
      reason: 'Nothing named "nowhere" is in this source — the link is broken.',
    });
    expect(resolve('index.md', '')).toMatchObject({ kind: 'missing' });
    expect(resolve('index.md', 'a\u0000b')).toMatchObject({ kind: 'missing' });
  });

  it('builds one index per set of paths, however many links use it', () => {
    const paths = new Set(['a.md']);
    const assets = new Set(['b.png']);
    expect(sourceFileIndexFor(paths, assets)).toBe(sourceFileIndexFor(paths, assets));
    expect(sourceFileIndexFor(paths)).not.toBe(sourceFileIndexFor(new Set(['a.md'])));
  });
});

describe('relativeHref', () => {
  it('makes an href that ordinary link resolution turns back into the same path and anchor', () => {
    for (const [from, to] of [
      ['index.md', 'users/user-guide.md'],
      ['ops/notes/Restart Web.md', 'ops/deploy.md'],
      ['ops/deploy.md', 'ops/notes/Restart Web.md'],
      ['a/b/c.md', 'x/y #?.md'],
      ['ops/deploy.md', 'ops/deploy.md'],
    ] as const) {
      expect(resolveRunbookLink(from, relativeHref(from, to, 'roll-back'))).toEqual({ kind: 'runbook', path: to, anchor: 'roll-back' });
    }
  });
});

describe('findWikilinksInMarkdown', () => {
  it('finds links with their lines, but not in code blocks or inline code', () => {
    const text = [
      'See [[setup]] and ![[arch.png]].',
      '```',
      '[[not-a-link]]',
      '```',
      'Use `[[literal]]` but [[ops/deploy#Roll back|roll back]].',
    ].join('\n');
    expect(findWikilinksInMarkdown(text).map((w) => [w.raw, w.line])).toEqual([
      ['[[setup]]', 1],
      ['![[arch.png]]', 1],
      ['[[ops/deploy#Roll back|roll back]]', 5],
    ]);
  });
});
