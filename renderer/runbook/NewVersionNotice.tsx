import './reading.css';
import type { OpenedRunbook } from '../app/cacheQueries';

interface Props {
  newer?: OpenedRunbook | undefined;
  gone: boolean;
  onShowNewer: () => void;
}

/**
 * Says, without changing the page, that a sync brought a newer version of the runbook being read (or
 * removed it); the reader swaps when ready.
 */
export function NewVersionNotice({ newer, gone, onShowNewer }: Props) {
  if (gone) {
    return (
      <p className="rr-new-version" role="status">
        A sync removed this runbook from the cache; this is the copy that was on screen.
      </p>
    );
  }
  if (!newer) return null;
  return (
    <p className="rr-new-version" role="status">
      A newer version of this runbook arrived.{' '}
      <button type="button" className="rr-button rr-button-primary" onClick={onShowNewer}>
        Show new version
      </button>
    </p>
  );
}
