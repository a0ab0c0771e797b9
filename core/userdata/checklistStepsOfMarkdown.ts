import { parseMarkdownTree } from '../markdown/markdownTree';
import type { ChecklistStep } from '../model';
import { checklistStepsOfTree, type ChecklistMode, type StepHeading } from './checklistSteps';

/**
 * Lists the tickable steps of a runbook body (parsing it: apart from the app's main chunk, which only reads
 * the steps ingest stored). `headings` are the runbook's headings with file lines.
 */
export function listChecklistSteps(
  markdown: string,
  headings: readonly StepHeading[],
  bodyLine = 1,
  mode: ChecklistMode = 'procedures',
): ChecklistStep[] {
  if (mode === 'off') return [];
  return checklistStepsOfTree(parseMarkdownTree(markdown), headings, bodyLine, mode);
}
