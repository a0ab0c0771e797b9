import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { ingestRunbook } from '../../../core/ingest/ingestRunbook';
import { loadEveryFormattingExtra } from '../../../renderer/runbook/formattingExtras';
import { MarkdownView } from '../../../renderer/runbook/MarkdownView';
import { RunbookContext } from '../../../renderer/runbook/RunbookContext';
import { splitMarkdown, WHOLE_BODY_CHARS, WHOLE_DOCUMENT_CHARS } from '../../../renderer/runbook/splitMarkdown';
import { generateRunbook } from '../../helpers/makeRunbookRepo';

// Static renders cannot wait for the pipeline's on-demand parts (highlighting, emoji, HTML).
await loadEveryFormattingExtra();

/** What the reader shows for a body: whole, or slice after slice as ProgressiveMarkdown formats them. */
function shown(markdown: string, headingIdsByLine: ReadonlyMap<number, string>, sliced: boolean): string {
  const parts = sliced ? splitMarkdown(markdown) : [{ text: markdown, bodyLineOf: undefined }];
  return (
    parts
      .map((part) =>
        renderToStaticMarkup(
          <MemoryRouter>
            <RunbookContext.Provider value={{ sourceId: 'src', path: 'ops/page.md', title: 'Page', online: true }}>
              <MarkdownView markdown={part.text} bodyLineOf={part.bodyLineOf} headingIdsByLine={headingIdsByLine} />
            </RunbookContext.Provider>
          </MemoryRouter>,
        ),
      )
      // Whole, React puts the line break between two top-level blocks into the page as text; between slices
      // there is none. Only that white space may differ.
      .join('\n')
  );
}

function ingested(path: string, text: string) {
  const result = ingestRunbook('src', { path, bytes: new TextEncoder().encode(text) });
  if (result.kind !== 'runbook') throw new Error(`${path} was skipped`);
  const { body, meta } = result;
  return { markdown: body.markdown, ids: new Map(meta.headings.map((h) => [h.line - body.bodyLine + 1, h.id])) };
}

const bundledDir = resolve(import.meta.dirname, '../../../runbooks');
const bundled = readdirSync(bundledDir)
  .filter((f) => f.endsWith('.md'))
  .map((f) => ingested(f, readFileSync(resolve(bundledDir, f), 'utf8')));

// A page as teams write them: a table and a list longer than a slice, a quote, code, reference links.
const vaultPage = [
  '# Payments outage',
  '',
  'Use this when card payments fail. See [the status page][status] and [[on-call]].',
  '',
  '| Service | Owner | Dashboard |',
  '| --- | --- | --- |',
  ...Array.from({ length: 60 }, (_, i) => `| svc-${i} | team-${i % 7} | [board](https://grafana.example.test/d/${i}) |`),
  '',
  ...Array.from({ length: 40 }, (_, i) => `${i + 1}. Check \`svc-${i}\` and write down what you see in the incident log.`),
  '',
  '> [!WARNING]',
  '> Never restart the ledger during settlement.',
  '',
  ...Array.from(
    { length: 30 },
    (_, i) =>
      `## Step ${i}\n\nRun this:\n\n\`\`\`sh\nkubectl -n pay rollout restart deploy/svc-${i}\n\`\`\`\n\n- watch the error rate\n- watch the queue depth\n`,
  ),
  '## Step 3',
  '',
  'A repeated heading keeps the id ingest gave it.',
  '',
  '[status]: https://status.example.test',
  '',
].join('\n');

describe('a medium-sized runbook formatted in slices', () => {
  it('shows exactly what formatting it whole shows, for the bundled runbooks, generated ones and a vault page', () => {
    const pages = [
      ...bundled,
      ...[3, 7, 11, 19, 42].map((i) => ingested(`gen/${i}.md`, generateRunbook(i, 1000).content)),
      ingested('docs/payments.md', vaultPage),
    ];
    const medium = pages.filter((p) => p.markdown.length > WHOLE_BODY_CHARS && p.markdown.length <= WHOLE_DOCUMENT_CHARS);
    // The check means something only if pages of this size are in fact cut.
    expect(medium.filter((p) => splitMarkdown(p.markdown).length > 2).length).toBeGreaterThanOrEqual(5);
    for (const page of medium) {
      expect(shown(page.markdown, page.ids, true)).toBe(shown(page.markdown, page.ids, false));
    }
  });

  it('keeps a table and a list in one slice each', () => {
    const { markdown } = ingested('docs/payments.md', vaultPage);
    const parts = splitMarkdown(markdown);
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.filter((p) => p.text.includes('| svc-59 |')).map((p) => p.text.includes('| Service | Owner |'))).toEqual([true]);
    expect(parts.filter((p) => p.text.includes('40. Check')).map((p) => p.text.includes('1. Check'))).toEqual([true]);
  });

  it('formats a page whole when a footnote or an HTML block could reach across its blocks', () => {
    const long = Array.from({ length: 80 }, (_, i) => `## Step ${i}\n\nCheck the queue and the workers of shard ${i} first.\n`).join('\n');
    expect(splitMarkdown(long).length).toBeGreaterThan(1);
    for (const page of [
      `${long}\nSee the note.[^1]\n\n[^1]: Only on weekdays.\n`,
      `<details>\n\n${long}\n</details>\n`,
      `${long}\n<div align="center">\n\nCentred.\n\n</div>\n`,
    ]) {
      expect(splitMarkdown(page).map((p) => p.text)).toEqual([page]);
    }
  });
});
