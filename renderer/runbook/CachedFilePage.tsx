import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router-dom';
import { syncFileKind } from '../../core/sync/syncFileKind';
import { db } from '../app/database';
import { HOME_ROUTE } from '../routes';
import { CodeBlock } from './CodeBlock';
import { ContentImage } from './ContentImage';
import { RunbookContext } from './RunbookContext';

interface Props {
  sourceId: string;
  path: string;
}

/**
 * What `/read/<source>/<path>` shows when the path is no runbook: a plain-text file or an image synced with
 * the source (a runbook links to `scripts/rotate.sh`), else why there is nothing to show.
 */
export function CachedFilePage({ sourceId, path }: Props) {
  // null: known not to be cached; undefined: still reading.
  const asset = useLiveQuery(async () => (await db.assets.get([sourceId, path])) ?? null, [sourceId, path]);
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (asset === undefined) return <p className="rr-loading">Opening {path}…</p>;
  if (asset === null) return <NotCached sourceId={sourceId} path={path} />;
  const kind = syncFileKind(path);
  return (
    <article className="rr-runbook rr-cached-file" aria-labelledby="rr-runbook-title">
      <h1 id="rr-runbook-title" className="rr-runbook-title">
        {name}
      </h1>
      <p className="rr-muted">
        <code>{path}</code> — {kind === 'image' ? 'an image' : 'a plain-text file'} synced with the runbooks, shown from the offline copy.
      </p>
      {kind === 'image' ? (
        <RunbookContext.Provider value={{ sourceId, path, title: name, online: false }}>
          <ContentImage src={name} alt={name} />
        </RunbookContext.Provider>
      ) : (
        <TextContent bytes={asset.bytes} language={path.slice(path.lastIndexOf('.') + 1).toLowerCase()} />
      )}
    </article>
  );
}

function TextContent({ bytes, language }: { bytes: Uint8Array; language: string }) {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return (
      <p className="rr-warnings" role="note">
        This file is not UTF-8 text, so it cannot be shown.
      </p>
    );
  }
  return (
    <CodeBlock>
      <code className={`language-${language}`}>{text}</code>
    </CodeBlock>
  );
}

function NotCached({ sourceId, path }: Props) {
  return (
    <div className="rr-empty" role="alert">
      <h1>Not available offline</h1>
      <p>
        <code>{path}</code> is not in the offline cache{sourceId ? ` of source "${sourceId}"` : ''}. It may live outside the synced folder,
        or it has not been synced yet.
      </p>
      <p>
        <Link to={HOME_ROUTE}>Back to the runbook index</Link>
      </p>
    </div>
  );
}
