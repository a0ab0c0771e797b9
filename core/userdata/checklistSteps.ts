import type { List, ListItem, Root } from 'mdast';
import type { ChecklistStep, Heading } from '../model';

export type { ChecklistStep } from '../model';
import { eachNodeOfType, nodeText } from '../markdown/mdastWalk';

/** A step that can be ticked off: a task-list item (`- [ ] …`), or an item of a numbered list of steps. */

/**
 * Which numbered lists are steps. Task-list items always are. By default only numbered lists under a
 * procedure-like heading are (a numbered list in a policy is not a checklist); front matter `checklist:
 * true` makes every numbered list steps, `checklist: false` turns the checklist off.
 */
export type ChecklistMode = 'procedures' | 'all-numbered' | 'off';

/** The checklist mode a runbook's front matter asks for (its extra field `checklist`). */
export function checklistModeOf(extra: Readonly<Record<string, unknown>>): ChecklistMode {
  const asked = extra.checklist;
  if (asked === true || asked === 'true' || asked === 'yes') return 'all-numbered';
  if (asked === false || asked === 'false' || asked === 'no') return 'off';
  return 'procedures';
}

/**
 * Headings under which numbered lists are steps: Steps, Procedure, Mitigation, Rollback, Recovery and
 * "How to …" (any case, words anywhere in the heading except "how to", which must start it).
 */
const PROCEDURE_HEADING = /\b(steps?|procedures?|mitigations?|mitigate|roll ?backs?|recovery|recover)\b|^(\d+[.)]\s*)?how to\b/i;

export function isProcedureHeading(text: string): boolean {
  return PROCEDURE_HEADING.test(text.trim());
}

export type StepHeading = Pick<Heading, 'id' | 'line'> & Partial<Pick<Heading, 'depth' | 'text'>>;

/** The same steps from a body already parsed (ingest has the tree at hand). */
export function checklistStepsOfTree(
  tree: Root,
  headings: readonly StepHeading[],
  bodyLine = 1,
  mode: ChecklistMode = 'procedures',
): ChecklistStep[] {
  if (mode === 'off') return [];
  const found: Omit<ChecklistStep, 'key' | 'ordinal'>[] = [];
  const underProcedure = procedureRanges(headings);
  eachNodeOfType(tree, 'list', (list: List) => {
    for (const item of list.children) {
      const task = item.checked !== null && item.checked !== undefined;
      if (!task && !list.ordered) continue;
      const text = ownText(item);
      // An item with no text of its own (`2.` alone, or one that only holds a sub-list) has nothing to tick off.
      if (!text) continue;
      const line = item.position?.start.line ?? 1;
      const fileLine = line + bodyLine - 1;
      if (!task && mode === 'procedures' && !underProcedure(fileLine)) continue;
      found.push({ line, text, section: sectionAt(headings, fileLine) });
    }
  });
  found.sort((a, b) => a.line - b.line);
  const seen = new Map<string, number>();
  const perSection = new Map<string, number>();
  return found.map((step) => {
    const base = `${step.section}/${normaliseStepText(step.text)}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const ordinal = perSection.get(step.section) ?? 0;
    perSection.set(step.section, ordinal + 1);
    return { ...step, key: n === 0 ? base : `${base}~${n}`, ordinal };
  });
}

/**
 * Whether a file line lies under a procedure-like heading, or under a deeper heading nested inside one
 * (a "### Verify" inside "## Rollback" still holds rollback steps). One pass over the headings and a binary
 * search per line: a runbook may have ten thousand headings that all say "Step".
 */
function procedureRanges(headings: readonly StepHeading[]): (fileLine: number) => boolean {
  // underAfter[i]: whether the lines after heading i (up to the next heading) are under a procedure heading.
  const underAfter: boolean[] = [];
  const open: { depth: number; procedure: boolean }[] = [];
  let openProcedures = 0;
  for (const heading of headings) {
    const depth = heading.depth ?? 1;
    // A heading ends every open section at its own depth or deeper.
    while (open.length > 0 && open[open.length - 1]!.depth >= depth) if (open.pop()!.procedure) openProcedures--;
    const procedure = heading.text !== undefined && isProcedureHeading(heading.text);
    open.push({ depth, procedure });
    if (procedure) openProcedures++;
    underAfter.push(openProcedures > 0);
  }
  return (fileLine) => {
    const i = lastHeadingBefore(headings, fileLine, false);
    return i >= 0 && underAfter[i]!;
  };
}

/** Index of the last heading above `fileLine` (or on it, when `inclusive`); -1 when there is none. */
function lastHeadingBefore(headings: readonly Pick<Heading, 'line'>[], fileLine: number, inclusive: boolean): number {
  let low = 0;
  let high = headings.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const line = headings[mid]!.line;
    if (line < fileLine || (inclusive && line === fileLine)) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/** The item's own text, without nested lists (they are steps of their own). */
function ownText(item: ListItem): string {
  return item.children
    .filter((child) => child.type !== 'list')
    .map((child) => nodeText(child))
    .join(' ')
    .trim();
}

function sectionAt(headings: readonly Pick<Heading, 'id' | 'line'>[], fileLine: number): string {
  const i = lastHeadingBefore(headings, fileLine, true);
  return i >= 0 ? headings[i]!.id : '';
}

/** A step's text as compared across versions: case and runs of white space do not count. */
export function normaliseStepText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase().slice(0, 160);
}
