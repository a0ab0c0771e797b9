import { diffLines } from 'diff';

/** One line of a "What changed" view. */
export interface DiffLine {
  kind: 'added' | 'removed' | 'same';
  text: string;
  /** 1-based line in the version read before (absent for an added line). */
  oldLine?: number | undefined;
  /** 1-based line in the newer version (absent for a removed line). */
  newLine?: number | undefined;
}

/** A run of changed lines with a little unchanged text around it. */
export interface DiffHunk {
  lines: DiffLine[];
}

export type RunbookTextDiff =
  | { kind: 'same' }
  | { kind: 'changed'; added: number; removed: number; hunks: DiffHunk[] }
  /** The versions differ too much to list line by line within the work allowed. */
  | { kind: 'too-different'; oldLines: number; newLines: number };

export interface DiffOptions {
  /** Unchanged lines shown around each change (default 2). */
  context?: number | undefined;
  /** Edit distance beyond which the line-by-line search gives up (keeps a huge rewrite from freezing the page). */
  maxEditLength?: number | undefined;
}

/**
 * The lines added and removed between the version of a runbook read before and the newer one, grouped
 * into hunks with `context` unchanged lines either side. Compares whole lines; line endings do not count.
 */
export function diffRunbookText(before: string, after: string, options: DiffOptions = {}): RunbookTextDiff {
  const oldText = normaliseEndings(before);
  const newText = normaliseEndings(after);
  if (oldText === newText) return { kind: 'same' };
  const changes = diffLines(oldText, newText, { maxEditLength: options.maxEditLength ?? 4_000 });
  if (!changes) return { kind: 'too-different', oldLines: splitLines(oldText).length, newLines: splitLines(newText).length };

  const lines: DiffLine[] = [];
  let oldLine = 1;
  let newLine = 1;
  let added = 0;
  let removed = 0;
  for (const change of changes) {
    for (const text of splitLines(change.value)) {
      if (change.added) {
        lines.push({ kind: 'added', text, newLine: newLine++ });
        added++;
      } else if (change.removed) {
        lines.push({ kind: 'removed', text, oldLine: oldLine++ });
        removed++;
      } else lines.push({ kind: 'same', text, oldLine: oldLine++, newLine: newLine++ });
    }
  }
  return { kind: 'changed', added, removed, hunks: groupHunks(lines, options.context ?? 2) };
}

function groupHunks(lines: readonly DiffLine[], context: number): DiffHunk[] {
  const keep = new Array<boolean>(lines.length).fill(false);
  lines.forEach((line, i) => {
    if (line.kind === 'same') return;
    for (let j = Math.max(0, i - context); j <= Math.min(lines.length - 1, i + context); j++) keep[j] = true;
  });
  const hunks: DiffHunk[] = [];
  let current: DiffLine[] | undefined;
  lines.forEach((line, i) => {
    if (!keep[i]) {
      current = undefined;
      return;
    }
    if (!current) {
      current = [];
      hunks.push({ lines: current });
    }
    current.push(line);
  });
  return hunks;
}

function normaliseEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Lines of a text; a final newline does not start one more (empty) line. */
function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
