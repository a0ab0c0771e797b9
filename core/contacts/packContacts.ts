import { TEAM_RULES_VERSION, teamOfLabel, type LabelTeam } from './contactLabels';
import type { Contact, ContactKind, ContactSource, PhoneDetails } from './contactModel';

/**
 * One runbook's contacts as stored for the contacts panel: a column per field instead of an object per contact.
 * A browser decodes a stored record object by object, property by property; 30,000 contacts as objects took
 * 130–260 ms in one piece (and 8 MB), as columns of strings about a fifth of that (and a third of the size).
 * The places a contact was found repeat for every contact of a section, so each is stored once (`places`).
 * A column that no contact uses is left out; in a column, '' (or 0 for `phone`) stands for "none".
 */
export interface PackedContacts {
  /** Bumped when the layout changes; a list of another format is read as no contacts. */
  format: typeof PACKED_CONTACTS_FORMAT;
  /** Where contacts were found, without their line. */
  places: Omit<ContactSource, 'line'>[];
  /** Per contact: its index in `places`. */
  place: number[];
  /** Per contact: its 1-based line, 0 for none. */
  line: number[];
  id: string[];
  label: string[];
  kind: ContactKind[];
  value: string[];
  href?: string[];
  via?: string[];
  note?: string[];
  phone?: (PhoneDetails | 0)[];
  /**
   * The team of each contact's label, worked out at sync time (`teamOfLabel` was a third of the time taken to
   * group 30,000 contacts when the panel opened), with the version of the rules that gave it.
   */
  teams?: { rules: number; key: string[]; tier: string[] };
}

export const PACKED_CONTACTS_FORMAT = 1;

export function packContacts(contacts: readonly Contact[]): PackedContacts {
  const places: Omit<ContactSource, 'line'>[] = [];
  const placeIndex = new Map<string, number>();
  const packed: PackedContacts = { format: PACKED_CONTACTS_FORMAT, places, place: [], line: [], id: [], label: [], kind: [], value: [] };
  const href: string[] = [];
  const via: string[] = [];
  const note: string[] = [];
  const phone: (PhoneDetails | 0)[] = [];
  const teams = { rules: TEAM_RULES_VERSION, key: [] as string[], tier: [] as string[] };
  const teamOf = new Map<string, LabelTeam>();
  for (const contact of contacts) {
    const { line, ...place } = contact.source;
    const key = JSON.stringify([place.sourceId, place.path, place.title, place.lastReviewed, place.from, place.anchor, place.heading]);
    let at = placeIndex.get(key);
    if (at === undefined) {
      at = places.push(place) - 1;
      placeIndex.set(key, at);
    }
    packed.place.push(at);
    packed.line.push(line ?? 0);
    packed.id.push(contact.id);
    packed.label.push(contact.label);
    packed.kind.push(contact.kind);
    packed.value.push(contact.value);
    href.push(contact.href ?? '');
    via.push(contact.via ?? '');
    note.push(contact.note ?? '');
    phone.push(contact.phone ?? 0);
    let team = teamOf.get(contact.label);
    if (!team) teamOf.set(contact.label, (team = teamOfLabel(contact.label)));
    teams.key.push(team.key);
    teams.tier.push(team.tier ?? '');
  }
  packed.teams = teams;
  if (href.some(Boolean)) packed.href = href;
  if (via.some(Boolean)) packed.via = via;
  if (note.some(Boolean)) packed.note = note;
  if (phone.some(Boolean)) packed.phone = phone;
  return packed;
}

/** The contacts `packContacts` was given, equal field for field (fields that were undefined are absent). */
export function unpackContacts(packed: PackedContacts | undefined): Contact[] {
  if (packed?.format !== PACKED_CONTACTS_FORMAT) return [];
  const { places, place, line, id, label, kind, value, href, via, note, phone } = packed;
  const contacts = new Array<Contact>(id.length);
  for (let i = 0; i < id.length; i++) {
    const { sourceId, path, title, lastReviewed, from, anchor, heading } = places[place[i]!]!;
    // Built field by field rather than spread: the same object shape for every contact keeps grouping fast.
    const source: ContactSource = { sourceId, path, title, from };
    if (lastReviewed !== undefined) source.lastReviewed = lastReviewed;
    if (anchor !== undefined) source.anchor = anchor;
    if (heading !== undefined) source.heading = heading;
    if (line[i]) source.line = line[i];
    const contact: Contact = { id: id[i]!, label: label[i]!, kind: kind[i]!, value: value[i]!, source };
    if (href?.[i]) contact.href = href[i];
    if (via?.[i]) contact.via = via[i];
    if (note?.[i]) contact.note = note[i];
    if (phone?.[i]) contact.phone = phone[i] as PhoneDetails;
    contacts[i] = contact;
  }
  return contacts;
}

/**
 * Adds the team of each contact of a packed list to `into`, in the order `unpackContacts` gives the contacts
 * (undefined keys, to be worked out again, when they were worked out by other rules than today's).
 */
export function packedTeams(packed: PackedContacts | undefined, into: { key: (string | undefined)[]; tier: string[] }): void {
  if (packed?.format !== PACKED_CONTACTS_FORMAT) return;
  const teams = packed.teams?.rules === TEAM_RULES_VERSION ? packed.teams : undefined;
  for (let i = 0; i < packed.id.length; i++) {
    into.key.push(teams?.key[i]);
    into.tier.push(teams?.tier[i] ?? '');
  }
}
