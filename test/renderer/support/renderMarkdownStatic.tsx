import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import type { ContactLinesRange } from '../../../renderer/runbook/remarkContactLinks';
import { loadEveryFormattingExtra } from '../../../renderer/runbook/formattingExtras';
import { MarkdownView } from '../../../renderer/runbook/MarkdownView';
import { RunbookContext } from '../../../renderer/runbook/RunbookContext';

// A static render cannot wait: the app's on-demand parts of the pipeline are loaded before any test renders
// (their loading is tested in formattingExtras.test.tsx).
await loadEveryFormattingExtra();

export interface StaticPageOptions {
  /** The page's path in source `src`. */
  path?: string | undefined;
  /** The runbooks the cache holds, which links may open. */
  cachedPaths?: Set<string> | undefined;
  contactLines?: readonly ContactLinesRange[] | undefined;
}

/** The HTML MarkdownView gives `markdown` on an online runbook page of source `src`, rendered without a DOM. */
export function renderMarkdownStatic(
  markdown: string,
  { path = 'ops/page.md', cachedPaths, contactLines }: StaticPageOptions = {},
): string {
  return renderToStaticMarkup(
    <MemoryRouter>
      <RunbookContext.Provider value={{ sourceId: 'src', path, title: 'Page', cachedPaths, online: true }}>
        <MarkdownView markdown={markdown} contactLines={contactLines} />
      </RunbookContext.Provider>
    </MemoryRouter>,
  );
}
