import { checkDuplicateNames } from './checkDuplicateNames';
import { checkLinkTargets } from './checkLinkTargets';
import type { CheckOptions } from './checkOptions';
import { checkSingleRunbook } from './checkSingleRunbook';
import type { ExaminedFile } from './examineRunbookFile';
import { compareFindings, type Finding } from './finding';

/**
 * Every rule over already examined files, sorted by file, line and rule. Kept apart from the examining
 * (which needs the Markdown parser) so a run whose files are all cached never loads the parser.
 */
export function judgeExaminedFiles(examined: readonly ExaminedFile[], options: CheckOptions): Finding[] {
  const findings = examined.flatMap((e) => checkSingleRunbook(e, options));
  findings.push(...checkLinkTargets(examined, options.assetPaths, options.repoFolder), ...checkDuplicateNames(examined));
  return findings.sort(compareFindings);
}
