import { readdirSync, readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import Markdown from 'react-markdown';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { htmlSanitizeSchema } from '../../../renderer/runbook/htmlSanitizeSchema';
import { rehypeRawWhenPresent } from '../../../renderer/runbook/rehypeRawWhenPresent';

/** The HTML a page gets from Markdown through the raw-HTML step given and the sanitizer, as MarkdownView runs them. */
function htmlOf(markdown: string, raw: typeof rehypeRaw | typeof rehypeRawWhenPresent): string {
  return renderToStaticMarkup(
    createElement(Markdown, {
      remarkPlugins: [remarkGfm],
      remarkRehypeOptions: { clobberPrefix: '' },
      rehypePlugins: [raw === rehypeRaw ? rehypeRaw : [rehypeRawWhenPresent, { rehypeRaw }], [rehypeSanitize, htmlSanitizeSchema]],
      children: markdown,
    }),
  );
}

const bundled = readdirSync(new URL('../../../runbooks/', import.meta.url)).filter((name) => name.endsWith('.md'));

describe('rehypeRawWhenPresent', () => {
  it.each(bundled)('gives the page rehype-raw gives for %s', (name) => {
    const markdown = readFileSync(new URL(`../../../runbooks/${name}`, import.meta.url), 'utf8');
    expect(htmlOf(markdown, rehypeRawWhenPresent)).toBe(htmlOf(markdown, rehypeRaw));
  });

  it('gives the same page for tables, task lists, footnotes and code without HTML', () => {
    const markdown = '| a | b |\n|---|:-:|\n| 1 | 2 |\n\n- [ ] Step[^1]\n- [x] Done\n\n```sh\nls\n```\n\n[^1]: Note.\n';
    expect(htmlOf(markdown, rehypeRawWhenPresent)).toBe(htmlOf(markdown, rehypeRaw));
  });

  it('still parses raw HTML where there is some', () => {
    const markdown = 'Press <kbd>Ctrl</kbd>.\n\n<details><summary>More</summary>\n\nText\n\n</details>\n';
    const html = htmlOf(markdown, rehypeRawWhenPresent);
    expect(html).toBe(htmlOf(markdown, rehypeRaw));
    expect(html).toContain('<kbd>Ctrl</kbd>');
  });

  it('shows the HTML as typed, not nothing, when the HTML parser could not be loaded', () => {
    const html = renderToStaticMarkup(
      createElement(Markdown, {
        rehypePlugins: [rehypeRawWhenPresent, [rehypeSanitize, htmlSanitizeSchema]],
        children: 'Press <kbd>Ctrl</kbd> twice.\n\n<details><summary>More</summary>\n\nText\n\n</details>\n',
      }),
    );
    expect(html).toContain('Press &lt;kbd&gt;Ctrl&lt;/kbd&gt; twice.');
    expect(html).toContain('&lt;details&gt;&lt;summary&gt;More&lt;/summary&gt;');
    expect(html).toContain('<p>Text</p>');
  });
});
