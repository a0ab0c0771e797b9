import { isValidElement, memo, type ComponentProps, type ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { ChecklistItem } from '../checklist/ChecklistItem';
import { useChecklist } from '../checklist/ChecklistContext';
import { rehypeHeadingIds, remarkBodyLines } from './bodyLinePlugins';
import { CodeBlock } from './CodeBlock';
import { SectionHeading } from './SectionHeading';
import { remarkContactLinks, type ContactLinesRange } from './remarkContactLinks';
import { useRunbookContext } from './RunbookContext';
import { RunbookLink } from './RunbookLink';

const components: Components = {
  a: ({ href, children }) => <RunbookLink href={href}>{children}</RunbookLink>,
  pre: CodeBlock,
  img: ({ alt }) => (
    <span
      className="rr-image-missing"
      role="img"
      aria-label={alt ? `Image: ${alt} (not available offline)` : 'Image not available offline'}
    >
      {alt || 'Image'} — not available offline
    </span>
  ),
  h1: DocumentTitle,
  h2: (props) => <SectionHeading level={2} {...props} />,
  h3: (props) => <SectionHeading level={3} {...props} />,
  li: ChecklistItem,
  input: TaskCheckbox,
  table: ({ children }) => (
    <div className="rr-table-scroll" tabIndex={0} role="region" aria-label="Table">
      <table>{children}</table>
    </div>
  ),
};

/** The body's own `# Title` repeats the page header's title, so that one is not shown twice. */
function DocumentTitle({ node: _node, children, ...rest }: ComponentProps<'h1'> & { node?: unknown }) {
  const { title } = useRunbookContext();
  if (title && textOf(children).trim() === title.trim()) return null;
  return <h1 {...rest}>{children}</h1>;
}

function textOf(children: ReactNode): string {
  if (typeof children === 'string' || typeof children === 'number') return String(children);
  if (Array.isArray(children)) return children.map(textOf).join('');
  if (isValidElement<{ children?: ReactNode }>(children)) return textOf(children.props.children);
  return '';
}

/** GFM's own task-list checkbox; inside a runbook page the step checkbox of ChecklistItem replaces it. */
function TaskCheckbox({ checked, type }: { checked?: boolean | undefined; type?: string | undefined }) {
  const checklist = useChecklist();
  if (type !== 'checkbox' || checklist) return null;
  return <input type="checkbox" checked={!!checked} disabled aria-label={checked ? 'Done' : 'Not done'} />;
}

interface Props {
  markdown: string;
  /** Body lines of contacts sections, where phone numbers and emails become tappable links. */
  contactLines?: readonly ContactLinesRange[] | undefined;
  /** For a slice of a long body: the body line of each of its lines (see splitMarkdown). */
  bodyLineOf?: ((line: number) => number) | undefined;
  /** Anchor ids ingest gave the headings, by body line; a slice needs them to number repeated headings. */
  headingIdsByLine?: ReadonlyMap<number, string> | undefined;
}

const NO_RANGES: readonly ContactLinesRange[] = [];

// Links are judged by RunbookLink with the raw href (it knows the allowlist); no URL reaches the DOM otherwise.
const keepUrl = (url: string) => url;

/**
 * Renders a runbook body as GitHub-flavoured Markdown. Raw HTML in the source is dropped, never executed;
 * headings get the same GitHub-compatible ids that ingest recorded.
 */
export const MarkdownView = memo(function MarkdownView({ markdown, contactLines = NO_RANGES, bodyLineOf, headingIdsByLine }: Props) {
  return (
    <Markdown
      remarkPlugins={[[remarkBodyLines, { bodyLineOf }], remarkGfm, [remarkContactLinks, { ranges: contactLines }]]}
      rehypePlugins={[
        rehypeSlug,
        [rehypeHeadingIds, { idsByLine: headingIdsByLine }],
        [rehypeHighlight, { detect: false, ignoreMissing: true }],
      ]}
      components={components}
      urlTransform={keepUrl}
      skipHtml
    >
      {markdown}
    </Markdown>
  );
});
