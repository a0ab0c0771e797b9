import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { toContactListRow, type ContactListRow } from './contactList';
import { toLibraryEntry } from './libraryEntry';

const RUNBOOKS = 'runbooks';
const LIBRARY = 'library';
const CONTACT_LISTS = 'contactLists';

/**
 * Light copies of the `runbooks` table, each a projection of every runbook row under the same key, so that a
 * screen reads only what it shows: the library (`library`) and the contacts panel (`contactLists`). A runbook's
 * contacts are kept in `contactLists` only: the row in `runbooks` goes without them (`contactsApart`), so that
 * opening a runbook with 30,000 contacts does not cost its page 130 ms of reading them back.
 */
const MIRRORS = [LIBRARY, CONTACT_LISTS];

/** What the mirrors read of a `runbooks` row (the row type itself lives with the database, which imports this). */
type RunbookRow = Parameters<typeof toLibraryEntry>[0] & Parameters<typeof toContactListRow>[0] & { contactsApart?: true };

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
        const widened = [...stores, ...MIRRORS.filter((t) => !stores.includes(t))];
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
      if (request.type === 'delete' || request.type === 'deleteRange') {
        const response = await runbooks.mutate(request);
        // Every mirror shares the primary key `[sourceId+path]`, so the same keys and ranges name the same rows.
        const { trans } = request;
        const mirror: DBCoreMutateRequest | undefined =
          request.type === 'deleteRange'
            ? { type: 'deleteRange', trans, range: request.range }
            : request.keys.length > 0
              ? { type: 'delete', trans, keys: request.keys }
              : undefined;
        if (mirror) for (const table of MIRRORS) await core.table(table).mutate(mirror);
        return response;
      }
      const values = request.values as RunbookRow[];
      const response = await runbooks.mutate({ ...request, values: values.map(withoutContacts) });
      // Only the rows the store accepted (an add that hit an existing key changed nothing).
      const accepted = values.filter((_, i) => !(i in response.failures));
      if (accepted.length > 0) {
        const { trans } = request;
        await core.table(LIBRARY).mutate({ type: 'put', trans, values: accepted.map(toLibraryEntry) });
        await core.table(CONTACT_LISTS).mutate({ type: 'put', trans, values: await contactListRows(accepted, trans, core) });
      }
      return response;
    },
  };
}

/** The row as `runbooks` keeps it: everything but its contacts. */
function withoutContacts(runbook: RunbookRow): RunbookRow {
  const { contacts: _contacts, ...rest } = runbook;
  return { ...rest, contactsApart: true };
}

/**
 * The contact list rows of runbooks being written. A runbook from ingest (or from a cache older than version 9)
 * carries its contacts; one read back from `runbooks` and written again (a change mark cleared, a removal
 * marked) does not, and keeps the contacts its row already has.
 */
async function contactListRows(values: RunbookRow[], trans: DBCoreTransaction, core: DBCore): Promise<ContactListRow[]> {
  const rows = values.map(toContactListRow);
  const readBack = values.flatMap((runbook, i) => (runbook.contactsApart && runbook.contacts === undefined ? [i] : []));
  if (readBack.length === 0) return rows;
  const keys = readBack.map((i) => [values[i]!.sourceId, values[i]!.path]);
  const kept = (await core.table(CONTACT_LISTS).getMany({ trans, keys })) as (ContactListRow | undefined)[];
  readBack.forEach((i, k) => {
    const contacts = kept[k]?.contacts;
    if (contacts) rows[i]!.contacts = contacts;
  });
  return rows;
}
