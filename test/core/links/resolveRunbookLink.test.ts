import { describe, expect, it } from 'vitest';
import { folderPageOf, joinSourcePath, resolveRunbookLink } from '../../../core/links/resolveRunbookLink';
import type { LinkTarget } from '../../../core/model';

const FROM = 'ops/restart-api.md';

describe('resolveRunbookLink: links to runbooks and files in the same source', () => {
  it.each<[string, string, LinkTarget]>([
    [FROM, './failover.md#promote', { kind: 'runbook', path: 'ops/failover.md', anchor: 'promote' }],
    [FROM, 'failover.md', { kind: 'runbook', path: 'ops/failover.md' }],
    [FROM, 'failover.MD', { kind: 'runbook', path: 'ops/failover.MD' }],
    [FROM, 'notes.markdown', { kind: 'runbook', path: 'ops/notes.markdown' }],
    ['ops/db/replica.md', '../failover.md', { kind: 'runbook', path: 'ops/failover.md' }],
    ['ops/db/replica.md', '../../index.md', { kind: 'runbook', path: 'index.md' }],
    [FROM, '/index.md', { kind: 'runbook', path: 'index.md' }],
    [FROM, '/guides/../index.md', { kind: 'runbook', path: 'index.md' }],
    [FROM, './a/./b/../c.md', { kind: 'runbook', path: 'ops/a/c.md' }],
    [FROM, 'failover.md#', { kind: 'runbook', path: 'ops/failover.md' }],
  ])('from %s, %j points at %j', (from, href, target) => {
    expect(resolveRunbookLink(from, href)).toEqual(target);
  });

  it('keeps ../ for links that leave the source, so they never match a cached runbook', () => {
    expect(resolveRunbookLink('index.md', '../index.md')).toEqual({ kind: 'runbook', path: '../index.md' });
    expect(resolveRunbookLink('ops/a.md', '../../../x.md')).toEqual({ kind: 'runbook', path: '../../x.md' });
  });

  it('reads heading anchors in the same page, decoded', () => {
    expect(resolveRunbookLink(FROM, '#step-2')).toEqual({ kind: 'anchor', anchor: 'step-2' });
    expect(resolveRunbookLink(FROM, '#caf%C3%A9')).toEqual({ kind: 'anchor', anchor: 'café' });
    expect(resolveRunbookLink(FROM, '#')).toMatchObject({ kind: 'blocked' });
  });

  it('decodes percent-encoded paths and anchors', () => {
    expect(resolveRunbookLink(FROM, 'db%20failover.md#step%201')).toEqual({
      kind: 'runbook',
      path: 'ops/db failover.md',
      anchor: 'step 1',
    });
    expect(resolveRunbookLink(FROM, '%E6%89%8B%E9%A0%86.md')).toEqual({ kind: 'runbook', path: 'ops/手順.md' });
  });

  it('ignores query strings on files, and reads a query-only link as the page itself', () => {
    expect(resolveRunbookLink(FROM, 'failover.md?plain=1#promote')).toEqual({
      kind: 'runbook',
      path: 'ops/failover.md',
      anchor: 'promote',
    });
    expect(resolveRunbookLink(FROM, '?plain=1')).toEqual({ kind: 'runbook', path: FROM });
    expect(resolveRunbookLink(FROM, '?plain=1#steps')).toEqual({ kind: 'runbook', path: FROM, anchor: 'steps' });
  });

  it('treats images and other files as assets beside the runbook', () => {
    expect(resolveRunbookLink(FROM, 'img/flow.png')).toEqual({ kind: 'asset', path: 'ops/img/flow.png' });
    expect(resolveRunbookLink(FROM, '../docs/sla.pdf?download=1')).toEqual({ kind: 'asset', path: 'docs/sla.pdf' });
  });
});

describe('resolveRunbookLink: external links', () => {
  it.each([
    ['https://status.example.com/incidents?id=4#now', 'https:'],
    ['http://intranet.example.com', 'http:'],
    ['HTTPS://Example.COM/Path', 'https:'],
    ['mailto:oncall@example.com?subject=SEV1', 'mailto:'],
    ['tel:+1-555-0100', 'tel:'],
  ])('lets %j open outside the app', (href, scheme) => {
    expect(resolveRunbookLink(FROM, href)).toEqual({ kind: 'external', url: href, scheme });
  });

  it('reads a protocol-relative link as https', () => {
    expect(resolveRunbookLink(FROM, '//status.example.com/x')).toEqual({
      kind: 'external',
      url: 'https://status.example.com/x',
      scheme: 'https:',
    });
  });

  it('opens chat links with the same policy as the contacts panel and the desktop app', () => {
    expect(resolveRunbookLink(FROM, 'slack://channel?team=T1&id=C1')).toEqual({
      kind: 'external',
      url: 'slack://channel?team=T1&id=C1',
      scheme: 'slack:',
    });
    expect(resolveRunbookLink(FROM, 'msteams:/l/chat/0/0')).toMatchObject({ kind: 'external', scheme: 'msteams:' });
  });

  it('does not offer a mail link that would attach a file, and says why', () => {
    const target = resolveRunbookLink(FROM, 'mailto:oncall@example.com?subject=logs&%41ttach=%2Fetc%2Fpasswd');
    expect(target.kind).toBe('blocked');
    if (target.kind === 'blocked') expect(target.reason).toMatch(/attach/);
  });
});

describe('resolveRunbookLink: blocked links', () => {
  it.each([
    ['javascript:alert(1)', 'javascript:'],
    ['JaVaScRiPt:alert(1)', 'javascript:'],
    ['  javascript:alert(1)', 'javascript:'],
    ['\tjavascript:alert(1)', 'javascript:'],
    ['vbscript:msgbox(1)', 'vbscript:'],
    ['data:text/html;base64,PHNjcmlwdD4=', 'data:'],
    ['file:///etc/passwd', 'file:'],
    ['ftp://files.example.com/x', 'ftp:'],
    ['C:\\runbooks\\x.md', 'c:'],
  ])('blocks %j and names its scheme', (href, scheme) => {
    const target = resolveRunbookLink(FROM, href);
    expect(target.kind).toBe('blocked');
    if (target.kind === 'blocked') expect(target.reason).toContain(scheme);
  });

  it.each([
    ['a tab inside the scheme', 'java\tscript:alert(1)'],
    ['an encoded newline inside the scheme', 'java%0Ascript:alert(1)'],
    ['a leading control character', '\u0001javascript:alert(1)'],
    ['an encoded NUL', 'x%00.md'],
    ['a backslash path', 'ops\\x.md'],
  ])('blocks a path with %s, which a browser could read as a script URL', (_name, href) => {
    expect(resolveRunbookLink(FROM, href)).toMatchObject({ kind: 'blocked' });
  });

  it('blocks web links with credentials or without a host', () => {
    expect(resolveRunbookLink(FROM, 'https://user:secret@example.com/')).toMatchObject({ kind: 'blocked' });
    expect(resolveRunbookLink(FROM, 'https://')).toMatchObject({ kind: 'blocked' });
  });

  it('blocks broken %-encoding with a reason that says so', () => {
    expect(resolveRunbookLink(FROM, 'bad%E0%A4%A.md')).toEqual({ kind: 'blocked', reason: 'The link has broken %-encoding.' });
    expect(resolveRunbookLink(FROM, '#%zz')).toEqual({ kind: 'blocked', reason: 'The link has broken %-encoding.' });
  });

  it('blocks empty links', () => {
    expect(resolveRunbookLink(FROM, '')).toMatchObject({ kind: 'blocked' });
    expect(resolveRunbookLink(FROM, '   ')).toMatchObject({ kind: 'blocked' });
  });
});

describe('joinSourcePath', () => {
  it.each([
    ['a/b.md', 'c.md', 'a/c.md'],
    ['a/b.md', '../c.md', 'c.md'],
    ['a/b.md', '/c.md', 'c.md'],
    ['b.md', '../../c.md', '../../c.md'],
    ['a/b.md', 'x//y/./z.md', 'a/x/y/z.md'],
    ['a/b.md', '../../x/../y.md', '../y.md'],
  ])('resolves %j + %j to %j', (from, target, expected) => {
    expect(joinSourcePath(from, target)).toBe(expected);
  });
});

describe('resolveRunbookLink for a source that syncs a folder of its repository', () => {
  const docs = { subdir: 'docs/' };

  it('reads /path from the repository root, as GitHub does', () => {
    expect(resolveRunbookLink('guides/a.md', '/docs/backend/authz.md#roles', docs)).toEqual({
      kind: 'runbook',
      path: 'backend/authz.md',
      anchor: 'roles',
    });
    expect(resolveRunbookLink('guides/a.md', '/docs/img/arch.png', docs)).toEqual({ kind: 'asset', path: 'img/arch.png' });
    expect(resolveRunbookLink('guides/a.md', '/docs', docs)).toEqual({ kind: 'asset', path: '' });
  });

  it('says a link points outside the synced folder, by its repository path', () => {
    expect(resolveRunbookLink('guides/a.md', '/README.md', docs)).toEqual({ kind: 'outside', repoPath: 'README.md' });
    expect(resolveRunbookLink('a.md', '../CONTRIBUTING.md', docs)).toEqual({ kind: 'outside', repoPath: 'CONTRIBUTING.md' });
    expect(resolveRunbookLink('a.md', '../docs/b.md', docs)).toEqual({ kind: 'runbook', path: 'b.md' });
  });

  it('keeps / as the source root when the whole repository is synced', () => {
    expect(resolveRunbookLink('guides/a.md', '/docs/x.md')).toEqual({ kind: 'runbook', path: 'docs/x.md' });
  });
});

describe('folderPageOf', () => {
  it('opens a folder’s README.md, else its index.md', () => {
    expect(folderPageOf('ops', new Set(['ops/index.md', 'ops/README.md']))).toBe('ops/README.md');
    expect(folderPageOf('ops', new Set(['ops/index.md']))).toBe('ops/index.md');
    expect(folderPageOf('', new Set(['README.md']))).toBe('README.md');
    expect(folderPageOf('ops', new Set(['ops/x.md']))).toBeUndefined();
  });
});
