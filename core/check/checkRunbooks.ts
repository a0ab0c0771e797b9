import type { SourceFile } from '../model';
import type { CheckOptions } from './checkOptions';
import { examineRunbookFile, type ExaminedFile } from './examineRunbookFile';
import type { Finding } from './finding';
import { isMarkdownPath } from './isMarkdownPath';
import { judgeExaminedFiles } from './judgeExaminedFiles';

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
