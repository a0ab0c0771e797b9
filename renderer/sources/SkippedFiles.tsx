import './sourceHistory.css';
import { useLiveQuery } from 'dexie-react-hooks';
import type { SkipReason } from '../../core/model';
import { db } from '../app/database';

const REASONS: Record<SkipReason, string> = {
  binary: 'binary',
  'not-utf8': 'not UTF-8 text',
  'too-large': 'too large',
  'not-markdown': 'not Markdown',
};

/**
 * The files of a source that sync could not keep as runbooks, each with the reason, so a missing
 * runbook is explained instead of simply absent. `runbook-reader check` reports the same files under
 * its `skipped-file` rule.
 */
export function SkippedFiles({ sourceId }: { sourceId: string }) {
  const skipped = useLiveQuery(() => db.skipped.where('sourceId').equals(sourceId).sortBy('path'), [sourceId]);
  if (!skipped || skipped.length === 0) return null;
  return (
    <details className="rr-source-skipped">
      <summary>
        {skipped.length} {skipped.length === 1 ? 'file' : 'files'} skipped
      </summary>
      <p className="rr-muted">
        Not shown in the library; <code>runbook-reader check</code> reports them as <code>skipped-file</code>.
      </p>
      <ul>
        {skipped.map((file) => (
          <li key={file.path}>
            <code>{file.path}</code> — {REASONS[file.reason] ?? file.reason}: {file.message}
          </li>
        ))}
      </ul>
    </details>
  );
}
