import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { SourceFileIndex } from '../../../core/links/sourceFileIndex';
import { MarkdownView } from '../../../renderer/runbook/MarkdownView';
import { RunbookContext } from '../../../renderer/runbook/RunbookContext';
import { SourceFilesContext } from '../../../renderer/runbook/SourceFilesContext';

const runbooks = new Set(['index.md', 'users/user-guide.md', 'ops/setup.md', 'db/setup.md', 'ops/deploy.md']);
const assets = new Set(['img/arch.png']);

const everything = new SourceFileIndex(runbooks, assets);

function render(markdown: string, index: SourceFileIndex | undefined = everything, path = 'index.md', cachedPaths = runbooks): string {
  return renderToStaticMarkup(
    <MemoryRouter>
      <RunbookContext.Provider value={{ sourceId: 'src', path, title: 'Home', cachedPaths, online: true }}>
        <SourceFilesContext.Provider value={{ fromPath: path, index, assetPaths: assets }}>
          <MarkdownView markdown={markdown} />
        </SourceFilesContext.Provider>
      </RunbookContext.Provider>
    </MemoryRouter>,
  );
}

function renderWithoutIndex(markdown: string): string {
  return renderToStaticMarkup(
    <MemoryRouter>
      <SourceFilesContext.Provider value={{ fromPath: 'index.md' }}>
        <MarkdownView markdown={markdown} />
      </SourceFilesContext.Provider>
    </MemoryRouter>,
  );
}

describe('wikilinks on a page', () => {
  it('open their runbook, with the label or the name as text and the heading as section', () => {
    const html = render('See [[users/user-guide|User Guide]], [[deploy#Roll back]] and [[#Home]].');
    expect(html).toContain('<a href="/read/src/users/user-guide.md">User Guide</a>');
    expect(html).toContain('<a href="/read/src/ops/deploy.md?section=roll-back">deploy › Roll back</a>');
    expect(html).toContain('href="/read/src/index.md?section=home"');
    expect(html).not.toContain('[[');
  });

  it('mark an ambiguous or missing target and say why, visibly and to screen readers', () => {
    const html = render('[[setup]] and [[nowhere|Gone page]]');
    expect(html).toMatch(
      /<span class="rr-wikilink-broken" title="2 runbooks are named &quot;setup&quot; — link is ambiguous[^"]*" data-wikilink="ambiguous">setup<span class="rr-visually-hidden"> \(2 runbooks are named/,
    );
    expect(html).toMatch(
      /<span class="rr-wikilink-broken" title="Nothing named &quot;nowhere&quot; is in this source — the link is broken." data-wikilink="missing">Gone page/,
    );
  });

  it('stay text in code, and show as plain text while the source’s files are still being read', () => {
    expect(render('`[[setup]]`\n\n```\n[[deploy]]\n```')).toContain('<code>[[setup]]</code>');
    expect(renderWithoutIndex('[[deploy]]')).toContain('<span class="rr-wikilink">deploy</span>');
  });

  it('embed an image of the source', () => {
    const html = render('![[arch.png]] ![[arch.png|Architecture]]');
    // Server-side there is no cache read yet: the image's place, named by its alt text.
    expect(html).toContain('role="img" aria-label="arch.png (loading)"');
    expect(html).toContain('role="img" aria-label="Architecture (loading)"');
  });

  it('resolve each distinct target once, so a page of 10,000 wikilinks stays cheap', () => {
    class CountingIndex extends SourceFileIndex {
      lookups = 0;
      override has(path: string): boolean {
        this.lookups++;
        return super.has(path);
      }
    }
    const index = new CountingIndex(runbooks, assets);
    const markdown = Array.from({ length: 10_000 }, (_, i) => `[[${i % 2 ? 'deploy' : 'nowhere'}|link ${i}]]`).join(' ');
    const html = render(markdown, index);
    expect(html.match(/href="\/read\/src\/ops\/deploy.md"/g)).toHaveLength(5_000);
    expect(html.match(/class="rr-wikilink-broken"/g)).toHaveLength(5_000);
    expect(index.lookups).toBeLessThan(20);
  });

  it('survive a cycle: pages linking each other are links, never pulled in', () => {
    const pages = new Set(['a.md', 'b.md']);
    const html = render('[[b]] and ![[b]]', new SourceFileIndex(pages), 'a.md', pages);
    expect(html.match(/href="\/read\/src\/b.md"/g)).toHaveLength(2);
  });
});

describe('links resolved like GitHub', () => {
  function renderIn(markdown: string, subdir?: string, assetPaths?: ReadonlySet<string>) {
    const cached = new Set(['index.md', 'ops/README.md', 'backend/authz.md']);
    return renderToStaticMarkup(
      <MemoryRouter>
        <RunbookContext.Provider value={{ sourceId: 'src', path: 'index.md', title: 'Home', cachedPaths: cached, online: true }}>
          <SourceFilesContext.Provider value={{ fromPath: 'index.md', subdir, assetPaths }}>
            <MarkdownView markdown={markdown} />
          </SourceFilesContext.Provider>
        </RunbookContext.Provider>
      </MemoryRouter>,
    );
  }

  it('open a folder’s README, and read /path from the repository root of a synced folder', () => {
    const html = renderIn('[ops](ops/) [authz](/docs/backend/authz.md) [contributing](/CONTRIBUTING.md)', 'docs');
    expect(html).toContain('href="/read/src/ops/README.md"');
    expect(html).toContain('href="/read/src/backend/authz.md"');
    expect(html).toMatch(
      /title="\/CONTRIBUTING.md is in the repository but outside the synced folder docs\/[^"]*">contributing<span class="rr-link-note"> \(outside the synced folder\)/,
    );
  });

  it('open a script synced with the source, and say when a file was not synced', () => {
    const html = renderIn('[rotate](scripts/rotate.sh) [notes](notes.docx)', undefined, new Set(['scripts/rotate.sh']));
    expect(html).toContain('<a href="/read/src/scripts/rotate.sh">rotate</a>');
    expect(html).toMatch(/notes<span class="rr-link-note"> \(file not available offline\)/);
  });
});
