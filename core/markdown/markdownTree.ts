import type { Root } from 'mdast';
import { markdownTokens } from './markdownTokens';
import { tokensToMdast } from './tokensToMdast';

/**
 * Parses GitHub-flavoured Markdown into an mdast tree (lines only in positions), for code that reads a
 * runbook's structure: contacts sections, checklist steps. Built from the same fast tokens as ingest.
 */
export function parseMarkdownTree(markdown: string): Root {
  return tokensToMdast(markdownTokens(markdown), markdown);
}
