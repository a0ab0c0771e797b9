/**
 * A copy of `text` that does not keep the string it was cut from alive.
 *
 * Why: V8 represents a slice of 13 or more characters as a view into its parent string. Link targets and
 * texts come out of markdown-it as slices of its copy of the whole document, so every runbook's link list
 * kept a second copy of the runbook in memory (42 MB of 200 in a 5,000-runbook sync). Concatenating
 * flattens into a new string; the slice after it then points only into that short one.
 */
export function detachString(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}
