import { alertKey } from '../incident/alertMapping';
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, Middleware } from 'dexie';

/**
 * What the library shows of a cached runbook (schema version 5): a few short fields, so that drawing the
 * library on a phone never reads headings, links, contacts or warnings of every runbook. The fields mean
 * what they mean on `CachedRunbook`.
 */
export interface LibraryEntry {
  sourceId: string;
  path: string;
  title: string;
  summary?: string;
  status?: string;
  changeMark?: 'added' | 'updated' | undefined;
  removedFromSource?: string;
  /**
   * The alerts the runbook answers (front matter `alerts:`), as `alertKey`s, for the multi-entry index
   * (schema version 7) that finds an alert's runbooks without reading every record. Absent when none.
   */
  alertKeys?: string[];
}

/** The library's fields of a cached runbook (any extra fields it has are left behind). */
export function toLibraryEntry(runbook: LibraryEntry & { alerts?: readonly { name: string }[] | undefined }): LibraryEntry {
  const { sourceId, path, title, summary, status, changeMark, removedFromSource, alerts } = runbook;
  const entry: LibraryEntry = { sourceId, path, title };
  if (summary !== undefined) entry.summary = summary;
  if (status !== undefined) entry.status = status;
  if (changeMark !== undefined) entry.changeMark = changeMark;
  if (removedFromSource !== undefined) entry.removedFromSource = removedFromSource;
  if (alerts && alerts.length > 0) entry.alertKeys = [...new Set(alerts.map((alert) => alertKey(alert.name)))];
  return entry;
}

const RUNBOOKS = 'runbooks';
const LIBRARY = 'library';

/**
 * Keeps the `library` table equal to a projection of `runbooks`, in the same transaction as every write to
 * `runbooks` (a sync's change set, removing a source, clearing a change mark), whoever makes it: a
 * read-write transaction over `runbooks` is widened to `library`, and each put or delete is repeated there.
 * Registered above Dexie's own middleware, so live queries on `library` see the writes.
 */
export const libraryMirror: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'libraryMirror',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const widened = mode === 'readwrite' && stores.includes(RUNBOOKS) && !stores.includes(LIBRARY) ? [...stores, LIBRARY] : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        return name === RUNBOOKS ? mirrored(table, () => down.table(LIBRARY)) : table;
      },
    };
  },
};

/** `library` is looked up at write time: while an older cache is upgraded the table may not exist yet. */
function mirrored(runbooks: DBCoreTable, library: () => DBCoreTable): DBCoreTable {
  return {
    ...runbooks,
    async mutate(request: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
      const response = await runbooks.mutate(request);
      const mirror = mirrorRequest(request, response);
      if (mirror) await library().mutate(mirror);
      return response;
    },
  };
}

function mirrorRequest(request: DBCoreMutateRequest, response: DBCoreMutateResponse): DBCoreMutateRequest | undefined {
  const { trans } = request;
  switch (request.type) {
    case 'add':
    case 'put': {
      // Only the rows the store accepted (an add that hit an existing key changed nothing).
      const values = (request.values as LibraryEntry[]).filter((_, i) => !(i in response.failures)).map(toLibraryEntry);
      return values.length > 0 ? { type: 'put', trans, values } : undefined;
    }
    case 'delete':
      return request.keys.length > 0 ? { type: 'delete', trans, keys: request.keys } : undefined;
    case 'deleteRange':
      // Both tables share the primary key `[sourceId+path]`, so the same range names the same rows.
      return { type: 'deleteRange', trans, range: request.range };
  }
}
