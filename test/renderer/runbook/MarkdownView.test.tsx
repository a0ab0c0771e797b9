import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestRunbook } from '../../../core/ingest/ingestRunbook';
import { renderMarkdownStatic } from '../support/renderMarkdownStatic';

function render(markdown: string, path = 'ops/page.md', cachedPaths?: Set<string>): string {
  return renderMarkdownStatic(markdown, { path, cachedPaths });
}

describe('MarkdownView', () => {
  it('never turns raw HTML, scripts or event handlers into live markup', () => {
    const html = render(
      [
        '<script>window.pwned = 1</script>',
        '<img src=x onerror="window.pwned = 1">',
        '<a href="javascript:alert(1)">html link</a>',
        '[md link](javascript:alert(1)) [data](data:text/html,<b>x</b>) [vb](VBScript:msgbox)',
        '<iframe src="https://evil.example"></iframe>',
      ].join('\n\n'),
    );
    expect(html).not.toMatch(/<script|<iframe|<img|\son\w+=/i);
    expect(html).not.toMatch(/(href|src)="\s*(javascript|data|vbscript):/i);
    expect(html).toMatch(/<span class="rr-link-blocked"[^>]*>md link<\/span>/);
  });

  it('renders GitHub-flavoured Markdown: tables, task lists, strikethrough, autolinks', () => {
    const html = render('| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\n~~old~~ see https://status.clpr.tv');
    expect(html).toContain('<table>');
    expect(html).toMatch(/<input[^>]*type="checkbox"[^>]*checked/);
    expect(html).toContain('<del>old</del>');
    expect(html).toContain('href="https://status.clpr.tv"');
  });

  it('marks links to runbooks that are not cached and routes cached ones inside the app', () => {
    const html = render('[here](./b.md#step-2) [gone](../missing.md)', 'ops/a.md', new Set(['ops/b.md']));
    expect(html).toContain('href="/read/src/ops/b.md?section=step-2"');
    expect(html).toMatch(/gone.*not available offline/);
  });

  it('gives code blocks a copy button and syntax highlighting', () => {
    const html = render('```bash\nkubectl get pods -n clipper\n```');
    expect(html).toContain('Copy bash block to clipboard');
    expect(html).toContain('hljs');
  });

  it('gives every bundled runbook heading the same anchor id that ingest recorded', () => {
    const dir = resolve(import.meta.dirname, '../../../runbooks');
    const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThanOrEqual(11);
    for (const file of files) {
      const result = ingestRunbook('bundled', { path: file, bytes: readFileSync(resolve(dir, file)) });
      if (result.kind !== 'runbook') throw new Error(`${file} was skipped`);
      const html = render(result.body.markdown, file);
      const rendered = [...html.matchAll(/<h[1-6] id="([^"]+)"/g)].map((m) => m[1]);
      expect(rendered, file).toEqual(result.meta.headings.map((h) => h.id));
    }
  });

  it('gives tricky headings (code, emphasis, links, entities, HTML, setext, nesting, duplicates) the ids ingest recorded', () => {
    const markdown = [
      '# Restart `kube-apiserver` *now*',
      '## See [the guide](guide.md) &amp; <b>bold</b> text',
      '## Café — déjà vu 🚨',
      '## C++ & Rust?',
      '## Rollback',
      '## Rollback',
      'Setext heading\n--------------',
      '> ## Quoted heading',
      '- ### Heading in a list',
      '### ![logo](logo.png) Image alt',
      '#### HTTP 503 / ERR_CONNECTION_REFUSED',
      '## Trailing hashes ##',
      '    # indented code, not a heading',
      '```',
      '# fenced code, not a heading',
      '```',
    ].join('\n\n');
    const result = ingestRunbook('s', { path: 'ops/tricky.md', bytes: new TextEncoder().encode(markdown) });
    if (result.kind !== 'runbook') throw new Error('skipped');
    const rendered = [...render(result.body.markdown, 'ops/tricky.md').matchAll(/<h[1-6] id="([^"]+)"/g)].map((m) => m[1]);
    expect(result.meta.headings).toHaveLength(12);
    expect(rendered).toEqual(result.meta.headings.map((h) => h.id));
  });
});
