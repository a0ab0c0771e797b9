/**
 * A file that reached the app outside the import panel (dropped onto the window, opened with the installed
 * app through the launch queue, shared to it, or opened with the desktop app), waiting for the panel on the
 * Sources page to take it. The latest file wins; the panel may not be on screen yet when it arrives.
 */
let pending: File | undefined;
let taker: ((file: File) => void) | undefined;

export function offerOfflineCopyFile(file: File): void {
  if (taker) taker(file);
  else pending = file;
}

/** The panel takes files from now on, starting with the one waiting (handed over on a later tick). */
export function takeOfflineCopyFiles(take: (file: File) => void): () => void {
  taker = take;
  const waiting = pending;
  pending = undefined;
  if (waiting) queueMicrotask(() => take(waiting));
  return () => {
    if (taker === take) taker = undefined;
  };
}
