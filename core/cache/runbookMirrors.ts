import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, Middleware } from 'dexie';
import { toContactListRow } from './contactList';
import { toLibraryEntry } from './libraryEntry';

const RUNBOOKS = 'runbooks';

/**
 * Light copies of the `runbooks` table, each a projection of every runbook row under the same key, so that a
 * screen reads only what it shows: the library (`library`) and the contacts panel (`contactLists`).
 */
const MIRRORS: readonly { table: string; project: (runbook: never) => unknown }[] = [
  { table: 'library', project: toLibraryEntry },
  { table: 'contactLists', project: toContactListRow },
];

/**
 * Keeps every mirror table equal to its projection of `runbooks`, in the same transaction as every write to
 * `runbooks` (a sync's change set, removing a source, clearing a change mark), whoever makes it: a read-write
 * transaction over `runbooks` is widened to the mirrors, and each put or delete is repeated there.
 * Registered above Dexie's own middleware, so live queries on the mirrors see the writes.
 */
export const runbookMirrors: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'runbookMirrors',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        if (mode !== 'readwrite' || !stores.includes(RUNBOOKS)) return down.transaction(stores, mode, options);
        const widened = [...stores, ...MIRRORS.map((m) => m.table).filter((t) => !stores.includes(t))];
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        return name === RUNBOOKS ? mirrored(table, down) : table;
      },
    };
  },
};

/** Mirror tables are looked up at write time: while an older cache is upgraded one may not exist yet. */
function mirrored(runbooks: DBCoreTable, core: DBCore): DBCoreTable {
  return {
    ...runbooks,
    async mutate(request: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
      const response = await runbooks.mutate(request);
      for (const { table, project } of MIRRORS) {
        const mirror = mirrorRequest(request, response, project);
        if (mirror) await core.table(table).mutate(mirror);
      }
      return response;
    },
  };
}

function mirrorRequest(
  request: DBCoreMutateRequest,
  response: DBCoreMutateResponse,
  project: (runbook: never) => unknown,
): DBCoreMutateRequest | undefined {
  const { trans } = request;
  switch (request.type) {
    case 'add':
    case 'put': {
      // Only the rows the store accepted (an add that hit an existing key changed nothing).
      const values = (request.values as never[]).filter((_, i) => !(i in response.failures)).map(project);
      return values.length > 0 ? { type: 'put', trans, values } : undefined;
    }
    case 'delete':
      return request.keys.length > 0 ? { type: 'delete', trans, keys: request.keys } : undefined;
    case 'deleteRange':
      // Every mirror shares the primary key `[sourceId+path]`, so the same range names the same rows.
      return { type: 'deleteRange', trans, range: request.range };
  }
}
