/** What "Save offline copy" did, for the note under the button. */
export type SaveResult =
  | {
      ok: true;
      fileName: string;
      /** The copy names parent commits it lacks: it imports into Runbook Reader, but `git clone` refuses it. */
      partialHistory: boolean;
      /** Why the missing history could not be fetched first (offline, host unreachable). */
      historyNotFetched?: string | undefined;
    }
  | { ok: false; message: string; cancelled?: boolean | undefined };
