/**
 * In which order the slices of a long body are formatted (see ProgressiveMarkdown): the slice the reader is
 * sent to first, then the ones below it (what the reader reads next), then the ones above it, nearest first.
 * A link to section 9,990 of 10,000 therefore shows that section at once instead of after every slice above.
 */

/** Index of the slice that holds body line `line` (slices are in body order, `firstLine` ascending). */
export function sliceIndexOfLine(firstLines: readonly number[], line: number): number {
  let low = 0;
  let high = firstLines.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (firstLines[mid]! <= line) low = mid;
    else high = mid - 1;
  }
  return Math.max(0, low);
}

/** The next slice to format, or undefined when all are formatted. */
export function nextSliceToFormat(formatted: readonly boolean[], focus: number): number | undefined {
  const start = Math.min(Math.max(0, focus), formatted.length - 1);
  for (let i = start; i < formatted.length; i++) if (!formatted[i]) return i;
  for (let i = start - 1; i >= 0; i--) if (!formatted[i]) return i;
  return undefined;
}

/** A run of slices not yet formatted, shown as one placeholder. */
export interface PendingRun {
  from: number; // first slice index, inclusive
  to: number; // exclusive
}

/** The page in body order: each formatted slice by index, and each run of slices still waiting. */
export function layoutOfSlices(formatted: readonly boolean[]): (number | PendingRun)[] {
  const out: (number | PendingRun)[] = [];
  for (let i = 0; i < formatted.length;) {
    if (formatted[i]) {
      out.push(i++);
      continue;
    }
    const from = i;
    while (i < formatted.length && !formatted[i]) i++;
    out.push({ from, to: i });
  }
  return out;
}
