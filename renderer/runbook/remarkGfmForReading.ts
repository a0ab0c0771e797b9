import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Processor } from 'unified';

/** The parser's extension lists in a processor's data, as remark-parse reads them. */
interface ParserData {
  micromarkExtensions?: ReturnType<typeof gfm>[];
  fromMarkdownExtensions?: ReturnType<typeof gfmFromMarkdown>[];
}

/**
 * GitHub-flavoured Markdown for reading: what remark-gfm adds to the parser (tables, task lists, footnotes,
 * strikethrough, autolinks), without its Markdown writers. The reader never writes Markdown back, and those
 * writers kept mdast-util-to-markdown and markdown-table in the main chunk. Parsing is remark-gfm's own with
 * default options; a test renders the same texts through both and compares.
 */
export function remarkGfmForReading(this: Processor): undefined {
  const data = this.data() as ParserData;
  (data.micromarkExtensions ??= []).push(gfm());
  (data.fromMarkdownExtensions ??= []).push(gfmFromMarkdown());
  return undefined;
}
