import { useLiveQuery } from 'dexie-react-hooks';
import { Children, isValidElement, type ReactElement, type ReactNode } from 'react';
import { hasPlaceholders, splitPlaceholders } from '../../core/incident/fillPlaceholders';
import { db } from '../app/database';
import { useRunbookContext } from '../runbook/RunbookContext';
import { useOpenIncident } from './useOpenIncident';
import './incident.css';

const NO_NAMES: ReadonlySet<string> = new Set();

/**
 * The contents of a code block with this incident's values put into its placeholders, each marked, so the
 * Copy button (which copies the block's text) gives the filled command. Unfilled placeholders are marked
 * too. Values are shown as text, never interpreted. Without placeholders the block is left as rendered.
 */
export function FilledCode({ children }: { children: ReactNode }) {
  const incident = useOpenIncident();
  const { sourceId, path } = useRunbookContext();
  const declared = useLiveQuery(
    async () => new Set((await db.runbooks.get([sourceId, path]))?.variables?.map((v) => v.name) ?? []),
    [sourceId, path],
  );
  const code = Children.toArray(children).find(isValidElement) as ReactElement<{ className?: string; children?: ReactNode }> | undefined;
  if (!code) return children;
  const text = textOf(code.props.children);
  const pieces = splitPlaceholders(text.replace(/\n$/, ''), declared ?? NO_NAMES, incident?.values ?? {});
  if (!hasPlaceholders(pieces)) return children;
  return (
    <code className={`${code.props.className ?? ''} rr-filled-code`}>
      {pieces.map((piece, i) =>
        piece.kind === 'text' ? (
          piece.text
        ) : piece.value !== undefined ? (
          <mark key={i} className="rr-placeholder rr-placeholder-filled" title={`${piece.raw} for this incident`}>
            {piece.value}
          </mark>
        ) : (
          <mark
            key={i}
            className="rr-placeholder rr-placeholder-empty"
            title={incident ? 'No value yet: fill it in the incident panel' : 'Start an incident to fill it'}
          >
            {piece.raw}
          </mark>
        ),
      )}
      {'\n'}
    </code>
  );
}

/** The plain text of rendered (highlighted) code: the strings inside its elements, in order. */
function textOf(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return '';
}
