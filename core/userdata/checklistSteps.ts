import type { List, ListItem } from 'mdast';
import type { Heading } from '../model';
import { eachNodeOfType, nodeText } from '../markdown/mdastWalk';
import { parseMarkdownTree } from '../markdown/markdownTree';

/** A step that can be ticked off: an item of a numbered list, or a task-list item (`- [ ] …`). */
export interface ChecklistStep {
  /**
   * Identifies the step across syncs: its section's anchor plus its normalised text, so progress on a
   * step survives upstream edits elsewhere in the runbook, and is dropped when the step itself changes.
   */
  key: string;
  /** 1-based line in the Markdown body. */
  line: number;
  text: string;
}

/** Lists the tickable steps of a runbook body. `headings` are the runbook's headings with body lines. */
export function listChecklistSteps(markdown: string, headings: readonly Pick<Heading, 'id' | 'line'>[], bodyLine = 1): ChecklistStep[] {
  const tree = parseMarkdownTree(markdown);
  const steps: ChecklistStep[] = [];
  const seen = new Map<string, number>();
  eachNodeOfType(tree, 'list', (list: List) => {
    for (const item of list.children) {
      if (!list.ordered && (item.checked === null || item.checked === undefined)) continue;
      const text = ownText(item);
      // An item with no text of its own (`2.` alone, or one that only holds a sub-list) has nothing to tick off.
      if (!text) continue;
      const line = item.position?.start.line ?? 1;
      const section = sectionAt(headings, line + bodyLine - 1);
      const base = `${section}/${normalise(text)}`;
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      steps.push({ key: n === 0 ? base : `${base}~${n}`, line, text });
    }
  });
  return steps.sort((a, b) => a.line - b.line);
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
  let current = '';
  for (const h of headings) {
    if (h.line > fileLine) break;
    current = h.id;
  }
  return current;
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase().slice(0, 160);
}
