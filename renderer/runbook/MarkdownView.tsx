import { isValidElement, memo, useMemo, type ComponentProps, type ReactNode } from 'react';
import Markdown, { type Components, type Options } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import { remarkGfmForReading } from './remarkGfmForReading';
import { ChecklistItem } from '../checklist/ChecklistItem';
import { useChecklist } from '../checklist/ChecklistContext';
import { rehypeHeadingIds, remarkBodyLines } from './bodyLinePlugins';
import { CodeBlock } from './CodeBlock';
import { useFormattingExtras, type FormattingExtras } from './formattingExtras';
import { ContentImage } from './ContentImage';
import { MermaidDiagram } from './MermaidDiagram';
import { htmlSanitizeSchema } from './htmlSanitizeSchema';
import { rehypeAlerts } from './rehypeAlerts';
import { rehypeRawWhenPresent } from './rehypeRawWhenPresent';
import { rehypeWikilinks, type WikilinkOptions } from './rehypeWikilinks';
import { remarkLiteralUnknownTags } from './remarkLiteralUnknownTags';
import { useSourceFiles } from './SourceFilesContext';
import './content.css';
import { SectionHeading } from './SectionHeading';
import type { ContactLinesRange } from './remarkContactLinks';
import { useRunbookContext } from './RunbookContext';
import { RunbookLink } from './RunbookLink';

const components: Components = {
  a: ContentLink,
  pre: CodeOrDiagram,
  img: ContentImage,
  h1: DocumentTitle,
  h2: ({ node: _node, ...props }) =>
    // The footnotes' own heading is for screen readers only, like GitHub's; it is no section to bookmark.
    props.id === 'user-content-footnote-label' ? (
      <h2 id={props.id} className="rr-visually-hidden">
        {props.children}
      </h2>
    ) : (
      <SectionHeading level={2} {...props} />
    ),
  h3: (props) => <SectionHeading level={3} {...props} />,
  li: ChecklistItem,
  input: TaskCheckbox,
  table: ({ children }) => (
    <div className="rr-table-scroll" tabIndex={0} role="region" aria-label="Table">
      <table>{children}</table>
    </div>
  ),
};

/** A fenced block: a ```mermaid one is drawn as a diagram (its code kept beside it), any other is code. */
function CodeOrDiagram(props: ComponentProps<'pre'> & { node?: unknown }) {
  const code = isValidElement<{ className?: string; children?: ReactNode }>(props.children) ? props.children : undefined;
  if (!code || !/(^|\s)language-mermaid(\s|$)/.test(code.props.className ?? '')) return <CodeBlock {...props} />;
  return (
    <MermaidDiagram source={textOf(code.props.children)}>
      <CodeBlock {...props} />
    </MermaidDiagram>
  );
}

/**
 * A link in the body. Footnote links point at ids the sanitizer prefixed (`#fn-1` is `user-content-fn-1`
 * on the page), so they are given the id that is there.
 */
function ContentLink({ href, children, node: _node, ...rest }: ComponentProps<'a'> & { node?: unknown }) {
  const footnote = 'data-footnote-ref' in rest || 'data-footnote-backref' in rest;
  const target = footnote && href?.startsWith('#') ? `#user-content-${href.slice(1)}` : href;
  const link = (
    <RunbookLink href={target} label={rest['aria-label']}>
      {children}
    </RunbookLink>
  );
  // The id is where a footnote's "back" link (or an author's `<a id>`) returns to.
  return rest.id ? <span id={rest.id}>{link}</span> : link;
}

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

type RemarkPlugins = NonNullable<Options['remarkPlugins']>;

// Links are judged by RunbookLink with the raw href (it knows the allowlist); no URL reaches the DOM otherwise.
const keepUrl = (url: string) => url;

const REMARK_REHYPE_OPTIONS = { clobberPrefix: '' };

/**
 * Renders a runbook body as GitHub-flavoured Markdown. Raw HTML goes through GitHub's allow-list (nothing in it
 * runs; unknown tags show as typed); headings get the same GitHub-compatible ids that ingest recorded.
 */
export const MarkdownView = memo(function MarkdownView(props: Props) {
  // Not the runbook context: it changes with bookmarks and connectivity, and this would format the page again.
  const { fromPath, index } = useSourceFiles();
  // The source's file index arrives after the first paint; only a body with wikilinks is formatted again for it.
  const wikilinkIndex = props.markdown.includes('[[') ? index : undefined;
  const wikilinks = useMemo(() => ({ fromPath: fromPath ?? '', index: wikilinkIndex }), [fromPath, wikilinkIndex]);
  // Emoji, raw HTML, highlighting and contact links load with the first body that needs them; nothing is drawn
  // before (tens of ms).
  const extras = useFormattingExtras(props.markdown, (props.contactLines?.length ?? 0) > 0);
  if (!extras) return null;
  return <FormattedMarkdown {...props} wikilinks={wikilinks} extras={extras} />;
});

type FormattingInputs = Props & { wikilinks: WikilinkOptions; extras: FormattingExtras };

/**
 * The formatting itself (a few hundred ms for a long runbook on a phone), redone only when what it formats
 * changes: not when the files context changes as image paths and the folder are read, nor when the record
 * is read again with the same headings (after a sync, or when its "updated" mark is cleared).
 */
const FormattedMarkdown = memo(function FormattedMarkdown({
  markdown,
  contactLines = NO_RANGES,
  bodyLineOf,
  headingIdsByLine,
  wikilinks,
  extras,
}: FormattingInputs) {
  const contactLinks: RemarkPlugins = extras.contactLinks ? [[extras.contactLinks, { ranges: contactLines }]] : [];
  return (
    <Markdown
      remarkPlugins={[
        [remarkBodyLines, { bodyLineOf }],
        remarkGfmForReading,
        remarkLiteralUnknownTags,
        ...contactLinks,
        ...(extras.emoji ? [extras.emoji] : []),
      ]}
      // Ids are prefixed once, by the sanitizer, for generated (footnote) and written HTML ids alike.
      remarkRehypeOptions={REMARK_REHYPE_OPTIONS}
      rehypePlugins={[
        [rehypeRawWhenPresent, { rehypeRaw: extras.rehypeRaw }],
        [rehypeSanitize, htmlSanitizeSchema],
        [rehypeWikilinks, wikilinks],
        rehypeAlerts,
        rehypeSlug,
        [rehypeHeadingIds, { idsByLine: headingIdsByLine }],
        ...(extras.highlight ? [extras.highlight] : []),
      ]}
      components={components}
      urlTransform={keepUrl}
    >
      {markdown}
    </Markdown>
  );
}, sameFormattingInputs);

function sameFormattingInputs(a: FormattingInputs, b: FormattingInputs): boolean {
  return (
    a.markdown === b.markdown &&
    a.bodyLineOf === b.bodyLineOf &&
    a.wikilinks === b.wikilinks &&
    a.extras === b.extras &&
    sameRanges(a.contactLines ?? NO_RANGES, b.contactLines ?? NO_RANGES) &&
    sameEntries(a.headingIdsByLine, b.headingIdsByLine)
  );
}

function sameRanges(a: readonly ContactLinesRange[], b: readonly ContactLinesRange[]): boolean {
  return a === b || (a.length === b.length && a.every((r, i) => r.from === b[i]!.from && r.to === b[i]!.to && r.region === b[i]!.region));
}

function sameEntries<K, V>(a: ReadonlyMap<K, V> | undefined, b: ReadonlyMap<K, V> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value) return false;
  return true;
}
