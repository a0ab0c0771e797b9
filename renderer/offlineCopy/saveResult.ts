/** What "Save offline copy" did, for the note under the button. */
export type SaveResult =
  { ok: true; fileName: string; partialHistory: boolean } | { ok: false; message: string; cancelled?: boolean | undefined };
