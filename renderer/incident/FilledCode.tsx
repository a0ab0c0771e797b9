import { Children, Fragment, isValidElement, type ReactElement, type ReactNode } from 'react';
import { fillHighlightedRuns, type HighlightedRun } from '../../core/incident/fillHighlightedCode';
import { hasPlaceholders, splitPlaceholders } from '../../core/incident/fillPlaceholders';
import { PlaceholderMark } from './PlaceholderMark';
import { useDeclaredPlaceholders } from './useDeclaredPlaceholders';
import { useOpenIncident } from './useOpenIncident';
import './incident.css';

/**
 * The contents of a code block with this incident's values put into its placeholders, each marked, so the
 * Copy button (which copies the block's text) gives the filled command. Unfilled placeholders are marked
 * too. The syntax highlighting is kept: each placeholder sits in the highlight classes of the token it
 * starts in. Values are shown as text, never interpreted. Without placeholders the block is left as rendered.
 */
export function FilledCode({ children }: { children: ReactNode }) {
  const incident = useOpenIncident();
  const declared = useDeclaredPlaceholders();
  const code = Children.toArray(children).find(isValidElement) as ReactElement<{ className?: string; children?: ReactNode }> | undefined;
  if (!code) return children;
  const runs = highlightedRuns(code.props.children);
  const pieces = splitPlaceholders(runs.map((r) => r.text).join(''), declared, incident?.values ?? {});
  if (!hasPlaceholders(pieces)) return children;
  return (
    <code className={`${code.props.className ?? ''} rr-filled-code`}>
      {fillHighlightedRuns(runs, pieces).map((run, i) =>
        inClasses(
          run.classes,
          run.kind === 'text' ? run.text : <PlaceholderMark raw={run.raw} value={run.value} incidentOpen={!!incident} />,
          i,
        ),
      )}
    </code>
  );
}

/** Highlighted code (strings inside highlight.js's spans) as runs of text with their classes, in order. */
function highlightedRuns(node: ReactNode, classes: readonly string[] = [], out: HighlightedRun[] = []): HighlightedRun[] {
  if (typeof node === 'string' || typeof node === 'number') out.push({ text: String(node), classes });
  else if (Array.isArray(node)) for (const child of node as ReactNode[]) highlightedRuns(child, classes, out);
  else if (isValidElement<{ className?: string; children?: ReactNode }>(node)) {
    const className = node.props.className;
    highlightedRuns(node.props.children, className ? [...classes, className] : classes, out);
  }
  return out;
}

/** `content` inside nested spans of the given classes, outermost first. */
function inClasses(classes: readonly string[], content: ReactNode, key: number): ReactNode {
  if (classes.length === 0) return typeof content === 'string' ? content : <Fragment key={key}>{content}</Fragment>;
  let wrapped = content;
  for (let depth = classes.length - 1; depth > 0; depth--) wrapped = <span className={classes[depth]}>{wrapped}</span>;
  return (
    <span key={key} className={classes[0]}>
      {wrapped}
    </span>
  );
}
