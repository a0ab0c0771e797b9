import type { CodePiece } from './fillPlaceholders';

/**
 * A run of highlighted code text: the text and the highlight classes of the elements around it, outermost
 * first (`['hljs-string']`, or `['hljs-string', 'hljs-subst']` for nested tokens).
 */
export interface HighlightedRun {
  text: string;
  classes: readonly string[];
}

/**
 * What a code block shows with placeholders filled: highlighted text, or a placeholder (shown as its value
 * when this incident gives one, else as written) inside the highlight classes of the token it starts in.
 */
export type FilledRun =
  | { kind: 'text'; text: string; classes: readonly string[] }
  | { kind: 'placeholder'; name: string; raw: string; value?: string | undefined; classes: readonly string[] };

/**
 * Lays placeholder pieces (from `splitPlaceholders` over the block's whole text) over the highlighter's
 * runs, so a filled block keeps its syntax colours. The highlighter may cut a placeholder into several
 * tokens (`{{`, `name`, `}}`): it becomes one placeholder in the classes of the run it starts in. The runs'
 * text and the pieces' text must be the same string; one pass over both, linear in their length.
 */
export function fillHighlightedRuns(runs: readonly HighlightedRun[], pieces: readonly CodePiece[]): FilledRun[] {
  const out: FilledRun[] = [];
  let run = 0;
  // How much of runs[run] has been used already.
  let used = 0;

  /** Moves `length` characters forward through the runs, calling `take` for each slice passed. */
  const advance = (length: number, take?: (text: string, classes: readonly string[]) => void) => {
    let left = length;
    while (left > 0 && run < runs.length) {
      const current = runs[run]!;
      const slice = Math.min(left, current.text.length - used);
      if (slice > 0) take?.(current.text.slice(used, used + slice), current.classes);
      used += slice;
      left -= slice;
      if (used >= current.text.length) {
        run++;
        used = 0;
      }
    }
  };

  for (const piece of pieces) {
    if (piece.kind === 'text') {
      advance(piece.text.length, (text, classes) => {
        const last = out[out.length - 1];
        if (last?.kind === 'text' && last.classes === classes) last.text += text;
        else out.push({ kind: 'text', text, classes });
      });
      continue;
    }
    // Skip empty runs so the placeholder takes the classes of the token that holds its first character.
    while (run < runs.length && runs[run]!.text.length === used) {
      run++;
      used = 0;
    }
    const classes = runs[run]?.classes ?? [];
    out.push({ kind: 'placeholder', name: piece.name, raw: piece.raw, value: piece.value, classes });
    advance(piece.raw.length);
  }
  return out;
}
