import Dexie from 'dexie';
import type {
  DBCore,
  DBCoreKeyRange,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreRangeType,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
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
      const { trans } = request;
      const stored = runbooks.mutate({ ...request, values: values.map(withoutContacts) });
      // A put stores every row or fails the transaction (`runbooks` has no unique index to refuse one), so the
      // mirrors' requests go out with it rather than after it: a large sync is thousands of requests, and waiting
      // for each table's to finish left the database idle between them. An add skips rows whose key exists, so
      // its mirrors wait for the answer.
      if (request.type === 'put') return Dexie.Promise.all([stored, writeMirrors(values, trans, core)]).then(([response]) => response);
      return Dexie.Promise.resolve(stored).then((response) => {
        // Only the rows the store accepted (an add that hit an existing key changed nothing).
        const accepted = values.filter((_, i) => !(i in response.failures));
        return accepted.length > 0 ? writeMirrors(accepted, trans, core).then(() => response) : response;
      });
    },
  };
}

/*
 * The mirrors' writes are chained with Dexie's promises, not awaited: a Dexie promise runs its callbacks in the
 * transaction's zone, which its hooks and live-query layers read, and an `await` may leave that zone.
 */

function writeMirrors(values: RunbookRow[], trans: DBCoreTransaction, core: DBCore): PromiseLike<unknown> {
  return Dexie.Promise.all([
    core.table(LIBRARY).mutate({ type: 'put', trans, values: values.map(toLibraryEntry) }),
    writeContactLists(values, trans, core),
  ]);
}

/**
 * Only runbooks with contacts have a row in `contactLists` (most have none, and a first sync of 1,000 runbooks
 * spent a quarter of its requests on empty rows). A runbook written without contacts deletes the row it had,
 * if it had one: the source's rows are listed in one request rather than one delete per runbook.
 */
function writeContactLists(values: RunbookRow[], trans: DBCoreTransaction, core: DBCore): PromiseLike<unknown> {
  const table = core.table(CONTACT_LISTS);
  const sourcesWithout = new Set(values.filter((v) => !(v.contacts && v.contacts.length > 0)).map((v) => v.sourceId));
  const held = Dexie.Promise.all([...sourcesWithout].map((sourceId) => heldKeys(table, trans, sourceId)));
  return Dexie.Promise.all([contactListRows(values, trans, core), held]).then(([rows, heldBySource]) => {
    const heldPaths = new Set(heldBySource.flat().map(([sourceId, path]) => JSON.stringify([sourceId, path])));
    const withContacts = rows.filter((row) => row.contacts !== undefined);
    const stale = rows.flatMap((row): [string, string][] =>
      row.contacts === undefined && heldPaths.has(JSON.stringify([row.sourceId, row.path])) ? [[row.sourceId, row.path]] : [],
    );
    return Dexie.Promise.all([
      withContacts.length > 0 ? table.mutate({ type: 'put', trans, values: withContacts }) : undefined,
      stale.length > 0 ? table.mutate({ type: 'delete', trans, keys: stale }) : undefined,
    ]);
  });
}

/** The keys of a source's rows in `contactLists`, through its `sourceId` index (one request). */
function heldKeys(table: DBCoreTable, trans: DBCoreTransaction, sourceId: string): PromiseLike<[string, string][]> {
  const index = table.schema.indexes.find((i) => i.name === 'sourceId');
  if (!index) return Dexie.Promise.reject(new Error('contactLists has no sourceId index.'));
  const range: DBCoreKeyRange = { type: EQUAL, lower: sourceId, upper: sourceId, lowerOpen: false, upperOpen: false };
  return Dexie.Promise.resolve(table.query({ trans, values: false, query: { index, range } })).then(
    (response) => response.result as [string, string][],
  );
}

/** `DBCoreRangeType.Equal`: an ambient const enum, which isolated modules cannot read as a value. */
const EQUAL = 1 as DBCoreRangeType.Equal;

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
function contactListRows(values: RunbookRow[], trans: DBCoreTransaction, core: DBCore): PromiseLike<ContactListRow[]> {
  const rows = values.map(toContactListRow);
  const readBack = values.flatMap((runbook, i) => (runbook.contactsApart && runbook.contacts === undefined ? [i] : []));
  if (readBack.length === 0) return Dexie.Promise.resolve(rows);
  const keys = readBack.map((i) => [values[i]!.sourceId, values[i]!.path]);
  return Dexie.Promise.resolve(core.table(CONTACT_LISTS).getMany({ trans, keys })).then((found) => {
    const kept = found as (ContactListRow | undefined)[];
    readBack.forEach((i, k) => {
      const contacts = kept[k]?.contacts;
      if (contacts) rows[i]!.contacts = contacts;
    });
    return rows;
  });
}
