import { useRef, useState } from 'react';
import { saveUserData } from '../app/userDataWrites';
import { exportBookmarks, importBookmarks, parseBookmarkExport } from '../../core/userdata/bookmarkTransfer';
import { listBookmarks } from '../../core/userdata/bookmarks';
import { db } from '../app/database';
import { BookmarkList } from './BookmarkList';
import { RecentList } from './RecentList';

type Notice = { tone: 'ok' | 'error'; text: string };

/** Route `/bookmarks`: manage bookmarks, export and import them, and see what was opened recently. */
export function BookmarksPage() {
  const fileInput = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<Notice>();

  async function download() {
    const json = exportBookmarks(await listBookmarks(db));
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `runbook-bookmarks-${new Date().toISOString().slice(0, 10)}.json`;
    a.click();
    URL.revokeObjectURL(url);
  }

  async function importFile(file: File) {
    const parsed = parseBookmarkExport(await file.text());
    if (!parsed.ok) {
      setNotice({ tone: 'error', text: `${file.name}: ${parsed.message}` });
      return;
    }
    const { added, alreadyThere } = await importBookmarks(db, parsed.bookmarks);
    setNotice({
      tone: 'ok',
      text: `Imported ${added} bookmark${added === 1 ? '' : 's'}${alreadyThere ? `; ${alreadyThere} already there` : ''}.`,
    });
  }

  return (
    <div className="rr-page">
      <h1>Bookmarks</h1>
      <div className="rr-toolbar">
        <button type="button" className="rr-button" onClick={() => void download()}>
          Export bookmarks
        </button>
        <button type="button" className="rr-button" onClick={() => fileInput.current?.click()}>
          Import bookmarks…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          aria-label="Bookmark export file to import"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) saveUserData('the import', importFile(file));
          }}
        />
      </div>
      {notice && (
        <p
          className={notice.tone === 'error' ? 'rr-notice rr-notice-error' : 'rr-notice rr-notice-ok'}
          role={notice.tone === 'error' ? 'alert' : 'status'}
        >
          {notice.text}
        </p>
      )}
      <BookmarkList variant="manage" />
      <h2>Recently opened</h2>
      <RecentList />
    </div>
  );
}
