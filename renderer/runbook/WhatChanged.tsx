import './reading.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { diffRunbookText, type DiffLine } from '../../core/changes/diffRunbookText';
import type { ReadVersion } from '../../core/cache/runbookDatabase';
import { readReadCopy, versionReadBefore } from '../../core/userdata/readCopies';
import { db } from '../app/database';
import { LocalDateTime } from '../app/LocalDateTime';

interface Props {
  sourceId: string;
  path: string;
  /** The version on screen. */
  version: ReadVersion;
}

/**
 * "What changed": the lines added and removed since the version of this runbook the reader read before,
 * compared on the device from the copy kept when it was read. Offered only when there is such a version.
 */
export function WhatChanged({ sourceId, path, version }: Props) {
  const copy = useLiveQuery(() => readReadCopy(db, sourceId, path), [sourceId, path]);
  const before = versionReadBefore(copy, version.oid);
  const [open, setOpen] = useState(false);
  if (!before || before.oid === version.oid) return null;
  return (
    <details className="rr-what-changed" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>What changed since you last read it</summary>
      <p className="rr-muted">
        Before: <VersionLabel version={before} />. Now: <VersionLabel version={version} />.
      </p>
      {open && <ChangedLines before={before.markdown} after={version.markdown} />}
    </details>
  );
}

function ChangedLines({ before, after }: { before: string; after: string }) {
  const diff = useMemo(() => diffRunbookText(before, after), [before, after]);
  if (diff.kind === 'same') return <p>Only the front matter changed; the text reads the same.</p>;
  if (diff.kind === 'too-different') {
    return (
      <p>
        Rewritten too much to list line by line ({diff.oldLines} lines before, {diff.newLines} now).
      </p>
    );
  }
  return (
    <>
      <p>
        {diff.added} {diff.added === 1 ? 'line' : 'lines'} added, {diff.removed} removed.
      </p>
      {diff.hunks.map((hunk, i) => (
        <pre key={i} className="rr-diff-hunk">
          {hunk.lines.map((line, j) => (
            <DiffRow key={j} line={line} />
          ))}
        </pre>
      ))}
    </>
  );
}

const MARKS: Record<DiffLine['kind'], string> = { added: '+', removed: '−', same: ' ' };
const LABELS: Record<DiffLine['kind'], string | undefined> = { added: 'Added: ', removed: 'Removed: ', same: undefined };

function DiffRow({ line }: { line: DiffLine }) {
  const label = LABELS[line.kind];
  const Tag = line.kind === 'added' ? 'ins' : line.kind === 'removed' ? 'del' : 'span';
  return (
    <Tag className={`rr-diff-line rr-diff-${line.kind}`}>
      <span aria-hidden="true">{MARKS[line.kind]} </span>
      {label && <span className="rr-visually-hidden">{label}</span>}
      {line.text || ' '}
    </Tag>
  );
}

function VersionLabel({ version }: { version: ReadVersion }) {
  const commit = version.commit && /^[0-9a-f]{40}$/.test(version.commit) ? version.commit.slice(0, 7) : version.commit;
  return (
    <>
      {commit && (
        <>
          commit <code title={version.commit}>{commit}</code>,{' '}
        </>
      )}
      synced <LocalDateTime iso={version.cachedAt} />
    </>
  );
}
