// @vitest-environment jsdom
import '../support/domTest';
import { render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SourceFileIndex } from '../../../core/links/sourceFileIndex';
import { MarkdownView } from '../../../renderer/runbook/MarkdownView';
import type { ContactLinesRange } from '../../../renderer/runbook/remarkContactLinks';
import { RunbookContext } from '../../../renderer/runbook/RunbookContext';
import { SourceFilesContext, type SourceFiles } from '../../../renderer/runbook/SourceFilesContext';

// Counts how often the body is formatted (react-markdown parses on every render of its component).
const formatting = vi.hoisted(() => ({ count: 0 }));
vi.mock('react-markdown', async (importOriginal) => {
  const real = await importOriginal<typeof import('react-markdown')>();
  return {
    ...real,
    default: (props: Parameters<typeof real.default>[0]) => {
      formatting.count++;
      return real.default(props);
    },
  };
});

const runbooks = new Set(['ops/page.md', 'ops/deploy.md']);
const index = new SourceFileIndex(runbooks, new Set());

function page(
  markdown: string,
  files: SourceFiles,
  contactLines?: readonly ContactLinesRange[],
  headingIds?: Map<number, string>,
): ReactElement {
  return (
    <MemoryRouter>
      <RunbookContext.Provider value={{ sourceId: 'src', path: 'ops/page.md', title: 'Page', cachedPaths: runbooks, online: true }}>
        <SourceFilesContext.Provider value={files}>
          <MarkdownView markdown={markdown} contactLines={contactLines} headingIdsByLine={headingIds} />
        </SourceFilesContext.Provider>
      </RunbookContext.Provider>
    </MemoryRouter>
  );
}

const BODY = '## Steps\n\n1. Drain the node.\n2. Call +44 20 7946 0000.\n';

describe('MarkdownView formats a body again only when what it shows changes', () => {
  beforeEach(() => {
    formatting.count = 0;
  });

  it('not when the source’s files arrive for a body without wikilinks', () => {
    const view = render(page(BODY, { fromPath: 'ops/page.md' }));
    view.rerender(page(BODY, { fromPath: 'ops/page.md', index, assetPaths: new Set(), subdir: undefined }));
    expect(formatting.count).toBe(1);
    expect(screen.getByText('Drain the node.')).toBeTruthy();
  });

  it('when the files arrive for a body with wikilinks, which then open their runbook', () => {
    const body = 'See [[deploy]].';
    const view = render(page(body, { fromPath: 'ops/page.md' }));
    expect(screen.queryByRole('link', { name: 'deploy' })).toBeNull();
    view.rerender(page(body, { fromPath: 'ops/page.md', index }));
    expect(formatting.count).toBe(2);
    expect(screen.getByRole('link', { name: 'deploy' }).getAttribute('href')).toBe('/read/src/ops/deploy.md');
  });

  it('not when the record is read again with equal contact ranges and heading ids, but when they differ', () => {
    const files = { fromPath: 'ops/page.md', index };
    const view = render(page(BODY, files, [{ from: 1, to: 4, region: 'GB' }], new Map([[1, 'steps']])));
    view.rerender(page(BODY, files, [{ from: 1, to: 4, region: 'GB' }], new Map([[1, 'steps']])));
    expect(formatting.count).toBe(1);
    view.rerender(page(BODY, files, [{ from: 1, to: 4, region: 'GB' }], new Map([[1, 'steps-1']])));
    expect(formatting.count).toBe(2);
    expect(document.getElementById('steps-1')).not.toBeNull();
    view.rerender(page(BODY, files, [], new Map([[1, 'steps-1']])));
    expect(formatting.count).toBe(3);
  });
});
