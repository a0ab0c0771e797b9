import type { SourceFile } from '../model';
import { checkDuplicateNames } from './checkDuplicateNames';
import { checkLinkTargets } from './checkLinkTargets';
import type { CheckOptions } from './checkOptions';
import { checkSingleRunbook } from './checkSingleRunbook';
import { examineRunbookFile, type ExaminedFile } from './examineRunbookFile';
import { compareFindings, type Finding } from './finding';

const MARKDOWN_FILE = /\.(md|markdown)$/i;

/**
 * Checks a tree of runbooks. `files` are paths inside the tree (forward slashes, no leading `./`) with their
 * bytes; Markdown files are judged as runbooks, any other entry only counts as present (for image links),
 * as do `options.assetPaths` (which may name Markdown files that exist but are not to be checked).
 * Findings come sorted by file, line and rule.
 */
export function checkRunbooks(files: readonly SourceFile[], options: CheckOptions): Finding[] {
  const examined: ExaminedFile[] = [];
  const assetPaths = [...(options.assetPaths ?? [])];
  for (const file of files) {
    if (isMarkdownPath(file.path)) examined.push(examineRunbookFile(file));
    else assetPaths.push(file.path);
  }
  return judgeExaminedFiles(examined, { ...options, assetPaths });
}

/** The rules over already examined files; split out so the examining can run in parallel or be reused. */
export function judgeExaminedFiles(examined: readonly ExaminedFile[], options: CheckOptions): Finding[] {
  const findings = examined.flatMap((e) => checkSingleRunbook(e, options));
  findings.push(...checkLinkTargets(examined, options.assetPaths), ...checkDuplicateNames(examined));
  return findings.sort(compareFindings);
}

export function isMarkdownPath(path: string): boolean {
  return MARKDOWN_FILE.test(path);
}
