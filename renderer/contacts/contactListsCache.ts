import Dexie from 'dexie';
import type { ContactListRow } from '../../core/cache/contactList';
import { db } from '../app/database';
import { whenIdle } from '../app/useProgressiveCount';

/**
 * The packed contact lists of every cached runbook, read ahead while the page is idle and kept until they change,
 * so that the contacts panel has them the moment it opens: with 30,000 contacts, waiting for IndexedDB to hand
 * them over was a quarter of the time before the first contact showed. Any write to the lists, by this page or by
 * the sync worker (Dexie tells every page, the same signal its live queries follow), drops the copy; it is read
 * again at once while the panel is open, otherwise once the page is idle after the writes stop.
 */

/**
 * A second after the page has drawn (and after a sync's last write), in an idle moment: not while the start is
 * busy, yet before most people reach for the panel.
 */
const READ_AHEAD_DELAY_MS = 1_000;

let rows: ContactListRow[] | undefined;
let reading: Promise<ContactListRow[]> | undefined;
/** Bumped by every change to the lists, so that a read that started before one is not kept. */
let generation = 0;
const listeners = new Set<() => void>();
let readAhead: (() => void) | undefined;

/** The lists as last read, undefined while they are being read (again). */
export function contactListsSnapshot(): ContactListRow[] | undefined {
  return rows;
}

/** Reads the lists unless the copy is current; concurrent callers share one read. */
export function readContactLists(): Promise<ContactListRow[]> {
  if (rows) return Promise.resolve(rows);
  if (reading) return reading;
  const started = generation;
  // A transaction of its own: inside a live query Dexie would deep-copy every row for its cache.
  const read: Promise<ContactListRow[]> = Promise.resolve(db.transaction('r', db.contactLists, () => db.contactLists.toArray())).then(
    (found) => {
      if (started !== generation) return readContactLists();
      rows = found;
      reading = undefined;
      listeners.forEach((listener) => listener());
      return found;
    },
    (error: unknown) => {
      if (reading === read) reading = undefined;
      throw error;
    },
  );
  reading = read;
  return read;
}

/** Calls `listener` whenever a new read of the lists is in; reads them now if the copy is not current. */
export function subscribeContactLists(listener: () => void): () => void {
  listeners.add(listener);
  if (!rows) void readContactLists().catch(() => undefined);
  return () => listeners.delete(listener);
}

/** Reads the lists once the page has been idle for a while, unless a read is already planned. */
export function readContactListsAhead(): void {
  if (readAhead || rows) return;
  let cancelIdle: (() => void) | undefined;
  const timer = setTimeout(() => {
    cancelIdle = whenIdle(() => {
      readAhead = undefined;
      void readContactLists().catch(() => undefined);
    });
  }, READ_AHEAD_DELAY_MS);
  readAhead = () => {
    clearTimeout(timer);
    cancelIdle?.();
    readAhead = undefined;
  };
}

function listsChanged(): void {
  generation++;
  rows = undefined;
  reading = undefined;
  if (listeners.size > 0) {
    void readContactLists().catch(() => undefined);
  } else {
    // A sync writes in several transactions: the read waits for the last of them.
    readAhead?.();
    readContactListsAhead();
  }
}

const CONTACT_LISTS_PART = `idb://${db.name}/contactLists/`;
Dexie.on('storagemutated', (parts) => {
  for (const part in parts) {
    if (part.startsWith(CONTACT_LISTS_PART)) return listsChanged();
  }
});
