import type { Contact } from '../contacts/contactModel';
import { packContacts, type PackedContacts } from '../contacts/packContacts';

/**
 * What the contacts panel reads of a cached runbook (schema version 8): its contacts, packed, and whether it is
 * still in its source, under the runbook's key. Only runbooks with contacts have a row; the rows without contacts
 * that earlier caches hold for the others read as an empty list.
 */
export interface ContactListRow {
  sourceId: string;
  path: string;
  removedFromSource?: string;
  contacts?: PackedContacts;
}

/** The contacts panel's row of a cached runbook (any other fields it has are left behind). */
export function toContactListRow(runbook: {
  sourceId: string;
  path: string;
  removedFromSource?: string | undefined;
  contacts?: readonly Contact[] | undefined;
}): ContactListRow {
  const { sourceId, path, removedFromSource, contacts } = runbook;
  const row: ContactListRow = { sourceId, path };
  if (removedFromSource !== undefined) row.removedFromSource = removedFromSource;
  if (contacts && contacts.length > 0) row.contacts = packContacts(contacts);
  return row;
}
