import type { CachedRunbook } from '../../core/cache/runbookDatabase';
import type { SourceRecord } from '../../core/model';
import { describeAge } from '../../core/connectivity/describeConnectivity';
import { judgeReviewAge, localCalendarDate } from '../../core/runbook/reviewAge';
import { readRunbookStatus } from '../../core/runbook/runbookStatus';
import { usePlatform } from '../app/appServices';
import { LocalDateTime } from '../app/LocalDateTime';
import { BookmarkToggle } from '../bookmarks/BookmarkToggle';
import type { ChecklistSummary } from '../checklist/useChecklistState';
import { StatusBadge } from '../library/StatusBadge';
import { printRunbook } from './printRunbook';
import { CommitSignatureNote } from './CommitSignatureNote';
import { ProvenanceLine } from './ProvenanceLine';

interface Props {
  meta: CachedRunbook;
  source?: SourceRecord | undefined;
  today: Date;
  checklist: ChecklistSummary;
}

/** Title and the facts that tell a reader whether to trust what follows. */
export function RunbookHeader({ meta, source, today, checklist }: Props) {
  const review = judgeReviewAge(meta.lastReviewed, localCalendarDate(today));
  const platform = usePlatform();
  // A document without front matter is ordinary (many teams write plain Markdown): a quiet line, not an alarm.
  const noFrontMatter = meta.warnings.some((w) => w.code === 'no-front-matter');
  const problems = meta.warnings.filter((w) => w.code !== 'no-front-matter');
  return (
    <header className="rr-runbook-header">
      <h1 className="rr-runbook-title" id="rr-runbook-title">
        {meta.title} <StatusBadge status={meta.status} />
      </h1>
      {meta.summary && <p className="rr-summary">{meta.summary}</p>}
      <ProvenanceLine source={source} />
      <div className="rr-runbook-actions">
        <BookmarkToggle sourceId={meta.sourceId} path={meta.path} label={meta.title} />
        <button type="button" className="rr-button" onClick={() => void printRunbook(platform, meta.title)}>
          {platform.kind === 'desktop' ? 'Save as PDF' : 'Print'}
        </button>
        {checklist.total > 0 && (
          <span className="rr-progress" role="status">
            <progress max={checklist.total} value={checklist.doneCount} aria-hidden="true" />
            {checklist.doneCount} of {checklist.total} steps done
            {checklist.changedCount > 0 && ` (${checklist.changedCount} changed since ticked)`}
          </span>
        )}
        {checklist.doneCount > 0 && (
          <button type="button" className="rr-button" onClick={checklist.reset}>
            Reset steps
          </button>
        )}
      </div>
      {meta.removedFromSource && (
        <p className="rr-warnings" role="note">
          Removed from its source on {meta.removedFromSource.slice(0, 10)}; this is the last synced copy, kept because it is bookmarked.
        </p>
      )}
      <dl className="rr-meta">
        <div>
          <dt>Owner</dt>
          <dd>{meta.owner ?? <span className="rr-muted">unknown</span>}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{meta.status ?? <span className="rr-muted">{readRunbookStatus(undefined).readAs} (not set)</span>}</dd>
        </div>
        {meta.version && (
          <div>
            <dt>Version</dt>
            <dd>{meta.version}</dd>
          </div>
        )}
        <div>
          <dt>Last reviewed</dt>
          <dd>
            {meta.lastReviewed ? (
              <>
                <time dateTime={meta.lastReviewed}>{meta.lastReviewed}</time>
                {(review.state === 'current' || review.state === 'overdue') && <span className="rr-muted"> ({review.days} days ago)</span>}
                {review.state === 'overdue' && <span className="rr-flag rr-flag-warn"> Review overdue</span>}
                {review.state === 'in-future' && <span className="rr-flag rr-flag-warn"> Date is after today</span>}
              </>
            ) : noFrontMatter ? (
              <span className="rr-muted">unknown</span>
            ) : (
              <span className="rr-flag rr-flag-warn">Never reviewed</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Source</dt>
          <dd>
            <SourceLine source={source} path={meta.path} now={today} />
          </dd>
        </div>
      </dl>
      {meta.tags.length > 0 && (
        <ul className="rr-tags" aria-label="Tags">
          {meta.tags.map((tag) => (
            <li key={tag} className="rr-tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
      {noFrontMatter && <p className="rr-muted rr-no-front-matter">No front matter: owner and review date unknown.</p>}
      {problems.length > 0 && (
        <div className="rr-warnings" role="note" aria-label="Problems found in this runbook">
          <strong>This document has problems; its text is shown as written.</strong>
          <ul>
            {problems.map((w, i) => (
              <li key={i}>
                {w.message}
                {w.line !== undefined && <span className="rr-muted"> (line {w.line})</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </header>
  );
}

/** Where the copy came from: source, path, the commit it was synced at and how old that sync is. */
function SourceLine({ source, path, now }: { source: SourceRecord | undefined; path: string; now: Date }) {
  if (!source) return <span>{path}</span>;
  const version = source.version ? shortVersion(source.version) : undefined;
  return (
    <span>
      {source.name} · <code>{path}</code>
      {version && (
        <>
          {' '}
          · {version !== source.version && 'commit '}
          <code title={source.version}>{version}</code>
          <CommitSignatureNote source={source} />
        </>
      )}
      {source.lastSyncAt && (
        <span className="rr-muted">
          {' '}
          · {source.kind === 'bundled' ? 'loaded' : 'synced'} <LocalDateTime iso={source.lastSyncAt} /> (
          {describeAge(source.lastSyncAt, now)})
        </span>
      )}
    </span>
  );
}

function shortVersion(version: string): string {
  return /^[0-9a-f]{40}$/.test(version) ? version.slice(0, 7) : version;
}
