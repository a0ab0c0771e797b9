import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { offerOfflineCopyFile } from './pendingOfflineCopy';
import { takeSharedOfflineCopy } from './sharedOfflineCopy';
import './offlineCopy.css';

/** The File Handling API's queue (installed PWA opening a .bundle or .zip); absent in most browsers. */
interface LaunchQueue {
  setConsumer(consumer: (params: { files: readonly FileSystemFileHandle[] }) => void): void;
}

/**
 * Files that reach the app from outside the import panel: dropped anywhere on the window, opened with
 * the installed app (`file_handlers` in the web manifest) or shared to it (`share_target`). Each goes to the Sources page, whose panel asks
 * where to import it.
 */
export function OfflineCopyFileEntry() {
  const navigate = useNavigate();
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault(); // lets the drop land here instead of the browser opening the file
      event.dataTransfer!.dropEffect = 'copy';
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      // Leaving the window, not moving between elements inside it.
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      offerOfflineCopyFile(file);
      void navigate('/sources');
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    const queue = (window as Window & { launchQueue?: LaunchQueue }).launchQueue;
    queue?.setConsumer((params) => {
      const handle = params.files[0];
      if (!handle) return;
      void handle.getFile().then((file) => {
        offerOfflineCopyFile(file);
        void navigate('/sources');
      });
    });
    void takeSharedOfflineCopy()
      .then((file) => {
        if (!file) return;
        offerOfflineCopyFile(file);
        void navigate('/sources');
      })
      .catch(() => undefined); // no Cache Storage (a private window): nothing can have been shared
    // Desktop: a .bundle or .zip opened with the app (file association, "Open with", the command line).
    const stopOpened = window.runbookReader?.onOfflineCopyOpened((opened) => {
      offerOfflineCopyFile(new File([opened.bytes], opened.fileName));
      void navigate('/sources');
    });
    return () => {
      stopOpened?.();
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [navigate]);

  if (!dragging) return null;
  return (
    <div className="rr-drop-overlay" aria-hidden="true">
      <p>Drop a Git bundle or a zip of runbooks to import it</p>
    </div>
  );
}
