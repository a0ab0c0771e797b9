// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ingestRunbook } from '../../../core/ingest/ingestRunbook';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { extrasNeededBy, type FormattingExtra } from '../../../renderer/runbook/formattingExtras';
import { generateRunbook } from '../../helpers/makeRunbookRepo';

afterEach(() => {
  cleanup();
  vi.doUnmock('rehype-raw');
  vi.resetModules();
});

/**
 * A new page's pipeline: the modules evaluated afresh, so no extra is loaded yet (as on a cold start), with
 * its MarkdownView and the context it reads.
 */
async function freshPage() {
  vi.resetModules();
  const extras = await import('../../../renderer/runbook/formattingExtras');
  const { MarkdownView } = await import('../../../renderer/runbook/MarkdownView');
  const { RunbookContext } = await import('../../../renderer/runbook/RunbookContext');
  const page = (markdown: string, contactLines?: { from: number; to: number }[]) => (
    <MemoryRouter>
      <RunbookContext.Provider value={{ sourceId: 'src', path: 'ops/page.md', title: 'Page', online: true }}>
        <div data-testid="body">
          <MarkdownView markdown={markdown} contactLines={contactLines} />
        </div>
      </RunbookContext.Provider>
    </MemoryRouter>
  );
  return { ...extras, page };
}

const bundledDir = resolve(import.meta.dirname, '../../../runbooks');
const bodies: [string, string][] = [
  ...readdirSync(bundledDir)
    .filter((f) => f.endsWith('.md'))
    .map((f): [string, string] => [f, bodyOf(f, readFileSync(resolve(bundledDir, f), 'utf8'))]),
  ...[3, 7, 11].map((i): [string, string] => [`generated ${i}`, bodyOf(`g${i}.md`, generateRunbook(i, 20).content)]),
  [
    'a vault page',
    [
      '# Payments outage :credit_card:',
      '',
      ':warning: Page the owner first. See [[on-call]] and ![[diagram.png]]. Call at 10:30 or 14:00:00.',
      '',
      'Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to stop it.',
      '',
      '<details><summary>Why</summary>',
      '',
      'Because.',
      '',
      '</details>',
      '',
      '| a | b |',
      '| --- | --- |',
      '| `x<y` | 2 > 1 |',
      '',
      '```',
      'no language here',
      '```',
      '',
      '    indented code',
      '',
      '> [!NOTE]',
      '> A note.[^1]',
      '',
      '[^1]: The footnote.',
    ].join('\n'),
  ],
];

function bodyOf(path: string, text: string): string {
  const result = ingestRunbook('src', { path, bytes: new TextEncoder().encode(text) });
  if (result.kind !== 'runbook') throw new Error(`${path} was skipped`);
  return result.body.markdown;
}

describe('the parts of the pipeline loaded on demand', () => {
  it('are asked for by the bodies that use them', () => {
    expect(extrasNeededBy('Plain text, a [link](x.md), 10:30 and a | table |.')).toEqual([]);
    expect(extrasNeededBy('Ship it :rocket:')).toEqual(['emoji']);
    expect(extrasNeededBy('Thumbs :+1:')).toEqual(['emoji']);
    expect(extrasNeededBy('Press <kbd>Ctrl</kbd>')).toEqual(['rehypeRaw']);
    expect(extrasNeededBy('<!-- a comment -->')).toEqual(['rehypeRaw']);
    expect(extrasNeededBy('```sh\nls\n```')).toEqual(['highlight']);
    expect(extrasNeededBy('- step\n\n  ~~~ yaml\n  a: 1\n  ~~~')).toEqual(['highlight']);
    expect(extrasNeededBy('```\nno language\n```')).toEqual([]);
    // Numbers become links only in contacts sections, which the runbook's headings tell.
    expect(extrasNeededBy('On-call: +1 415 555 0100')).toEqual([]);
    expect(extrasNeededBy('On-call: +1 415 555 0100', true)).toEqual(['contactLinks']);
  });

  it.each(bodies)('leave out of %s only parts that would change nothing in it', async (_name, markdown) => {
    const { default: remarkEmoji } = await import('remark-emoji');
    const { default: rehypeRaw } = await import('rehype-raw');
    const { rehypeHighlightOnDemand } = await import('../../../renderer/runbook/rehypeHighlightOnDemand');
    const html = (extras: readonly string[]) =>
      renderToStaticMarkup(
        <Markdown
          remarkPlugins={[remarkGfm, ...(extras.includes('emoji') ? [remarkEmoji] : [])]}
          rehypePlugins={[
            ...(extras.includes('rehypeRaw') ? [rehypeRaw] : []),
            ...(extras.includes('highlight') ? [rehypeHighlightOnDemand] : []),
          ]}
        >
          {markdown}
        </Markdown>,
      );
    const needed = extrasNeededBy(markdown);
    const every = html(['emoji', 'rehypeRaw', 'highlight']);
    for (const left of ['emoji', 'rehypeRaw', 'highlight'].filter((extra) => !needed.includes(extra as FormattingExtra))) {
      expect(html(['emoji', 'rehypeRaw', 'highlight'].filter((extra) => extra !== left)), `without ${left}`).toBe(every);
    }
  });

  it('draw a body once what it needs has loaded, not before and not without it', async () => {
    const { page } = await freshPage();
    render(page('Restart it :rocket:\n\n```sh\necho $HOME\n```\n'));
    expect(screen.getByTestId('body').textContent).toBe('');
    expect(await screen.findByText(/Restart it 🚀/)).toBeTruthy();
    expect(screen.getByTestId('body').querySelector('code.hljs .hljs-variable')?.textContent).toBe('$HOME');
  });

  it('draw a body with fenced code at once on a new page: highlighting comes with the app, nothing is waited for', async () => {
    const { page } = await freshPage();
    render(page('Check the pods.\n\n```sh\nkubectl get pods\n```\n'));
    // In the first render: nothing left to wait for.
    expect(screen.getByTestId('body').textContent).toContain('Check the pods.');
    expect(screen.getByTestId('body').querySelector('code.hljs')?.textContent).toBe('kubectl get pods\n');
  });

  it('link the numbers of a contacts section once the number reader has loaded, never before as plain text', async () => {
    const { page } = await freshPage();
    render(page('## Contacts\n\n- On-call: +1 415 555 0100\n', [{ from: 1, to: 3 }]));
    expect(screen.getByTestId('body').textContent).toBe('');
    const link = await screen.findByRole('link', { name: '+1 415 555 0100' });
    expect(link.getAttribute('href')).toBe('tel:+14155550100');
  });

  it('hold a runbook page from telling where the reader is until its body is drawn', async () => {
    vi.resetModules();
    const { ProgressiveMarkdown } = await import('../../../renderer/runbook/ProgressiveMarkdown');
    const { RunbookContext } = await import('../../../renderer/runbook/RunbookContext');
    // What RunbookView does with it: scroll to the linked section once its line is shown.
    const reports: { complete: boolean; drawn: boolean }[] = [];
    const onProgress = (_isShown: (line: number) => boolean, complete: boolean) => {
      reports.push({ complete, drawn: document.querySelector('[data-testid="body"] code') !== null });
    };
    render(
      <MemoryRouter>
        <RunbookContext.Provider value={{ sourceId: 'src', path: 'ops/page.md', title: 'Page', online: true }}>
          <div data-testid="body">
            <ProgressiveMarkdown markdown={'## Restart :rocket:\n\n```sh\necho $HOME\n```\n'} onProgress={onProgress} />
          </div>
        </RunbookContext.Provider>
      </MemoryRouter>,
    );
    await waitFor(() => expect(reports.at(-1)?.complete).toBe(true));
    expect(reports.filter((report) => report.complete).every((report) => report.drawn)).toBe(true);
    expect(reports[0]).toEqual({ complete: false, drawn: false });
  });

  it('show HTML as typed when its parser cannot be loaded, and parse it once it can', async () => {
    vi.doMock('rehype-raw', () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
    const { page, loadFormattingExtras } = await freshPage();
    const markdown = 'Press <kbd>Ctrl</kbd> twice.';
    const { rerender } = render(page(markdown));
    expect(await screen.findByText('Press <kbd>Ctrl</kbd> twice.')).toBeTruthy();

    vi.doUnmock('rehype-raw');
    await loadFormattingExtras(markdown);
    rerender(page(markdown));
    expect(screen.getByTestId('body').querySelector('kbd')?.textContent).toBe('Ctrl');
  });
});
