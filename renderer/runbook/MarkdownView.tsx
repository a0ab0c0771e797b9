import { memo } from 'react';
import Markdown, { type Components } from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { CodeBlock } from './CodeBlock';
import { RunbookLink } from './RunbookLink';

const components: Components = {
  a: ({ href, children }) => <RunbookLink href={href}>{children}</RunbookLink>,
  pre: CodeBlock,
  img: ({ alt }) => (
    <span className="rr-image-missing" role="img" aria-label={alt ? `Image: ${alt} (not available offline)` : 'Image not available offline'}>
      {alt || 'Image'} — not available offline
    </span>
  ),
  table: ({ children }) => (
    <div className="rr-table-scroll" tabIndex={0} role="region" aria-label="Table">
      <table>{children}</table>
    </div>
  ),
};

// Links are judged by RunbookLink with the raw href (it knows the allowlist); no URL reaches the DOM otherwise.
const keepUrl = (url: string) => url;

/**
 * Renders a runbook body as GitHub-flavoured Markdown. Raw HTML in the source is dropped, never executed;
 * headings get the same GitHub-compatible ids that ingest recorded.
 */
export const MarkdownView = memo(function MarkdownView({ markdown }: { markdown: string }) {
  return (
    <Markdown
      remarkPlugins={[remarkGfm]}
      rehypePlugins={[rehypeSlug, [rehypeHighlight, { detect: false, ignoreMissing: true }]]}
      components={components}
      urlTransform={keepUrl}
      skipHtml
    >
      {markdown}
    </Markdown>
  );
});
