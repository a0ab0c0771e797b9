import { teamOfLabel, type LabelTeam } from './contactLabels';
import { copyTextOf } from './contactCopyText';
import { compareLabels, plainSortKey } from './labelCollation';
import type { Contact, ContactEntry, ContactGroup, ContactKind, ContactSource } from './contactModel';

const KIND_ORDER: Record<ContactKind, number> = { phone: 0, paging: 1, chat: 2, email: 3, role: 4 };
const RANK_ORDER: Record<ContactGroup['rank'], number> = { 'on-call': 0, security: 1, other: 2 };
/** The one group every on-call synonym goes to. */
const ON_CALL_KEY = 'oncall';
const ON_CALL_LABEL = 'On-call';

/**
 * Builds the contacts panel from the contacts of every cached runbook (the concatenated results of
 * `extractContacts`, in the order runbooks should be credited), so that it answers "who do I call now" first:
 * - deduplicates: one entry per `id` (same kind and normalised value), listing every runbook and line it
 *   came from; its value, href and note are the first seen;
 * - groups entries by team: labels compare case-, spacing- and punctuation-insensitively, and every way of
 *   saying "the on-call" ("Notify on-call engineer", "Page on-call engineer", "Secondary on-call") is one
 *   "On-call" group, each entry keeping its tier; an entry found under several labels goes to the label it
 *   was listed under most often (the first one on a tie);
 * - drops a bare role entry ("Engineering Manager") from a group that has real contact points;
 * - sorts groups: on-call first (the shared rotation before team rotations), then security, then everyone else; within each, groups that can be reached
 *   before those that cannot, then by their best way to reach them (phone, paging, chat, email), then
 *   alphabetically; entries by kind (phone, paging, chat, email, role) and then by first appearance.
 */
export function groupContacts(contacts: readonly Contact[], knownTeams?: KnownTeams): ContactGroup[] {
  const steps = groupContactsInSteps(contacts, knownTeams);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The team of each contact's label, by the contact's index: `key[i]` undefined when not known (then it is worked
 * out while grouping), `tier[i]` '' for none.
 */
export interface KnownTeams {
  key: readonly (string | undefined)[];
  tier: readonly string[];
}

/** Work done between two pauses of `groupContactsInSteps`: a few milliseconds on a phone. */
const ITEMS_PER_STEP = 500;

/**
 * `groupContacts` cut into steps: the generator pauses after every few hundred contacts, groups or comparisons,
 * so that a caller can give the page back between steps (30,000 contacts take seconds in one piece) and
 * returns the same groups as `groupContacts` when done.
 */
export function* groupContactsInSteps(
  contacts: readonly Contact[],
  /** The team of each contact's label when it was worked out already (at sync time, see `packedTeams`). */
  knownTeams?: KnownTeams,
): Generator<void, ContactGroup[], void> {
  let work = 0;
  // Thousands of entries share a few hundred labels; each label is read once.
  const teams = new Map<string, LabelTeam>();
  // Grouping 30,000 contacts spent a third of its time collecting garbage: the bookkeeping below is kept in
  // arrays by entry and by group number, and an entry's per-label counts get arrays of their own only once it
  // is listed under a second label.
  const entryOf = new Map<string, number>();
  const entries: ContactEntry[] = [];
  /** Per entry: how often it was listed under its first label, and the first contact listing it so. */
  const firstLabelCount: number[] = [];
  const firstLabelContact: number[] = [];
  /** Per entry with more than one label: the same for every label, beside `entry.labels`. */
  const moreLabels: ({ count: number[]; contact: number[] } | undefined)[] = [];
  for (let index = 0; index < contacts.length; index++) {
    const contact = contacts[index]!;
    if (++work % ITEMS_PER_STEP === 0) yield;
    const at = entryOf.get(contact.id);
    if (at === undefined) {
      const entry: ContactEntry = {
        id: contact.id,
        kind: contact.kind,
        value: contact.value,
        labels: [contact.label],
        sources: [contact.source],
      };
      if (contact.href) entry.href = contact.href;
      if (contact.via) entry.via = contact.via;
      if (contact.note) entry.note = contact.note;
      if (contact.phone) entry.phone = contact.phone;
      entryOf.set(contact.id, entries.push(entry) - 1);
      firstLabelCount.push(1);
      firstLabelContact.push(index);
      moreLabels.push(undefined);
      continue;
    }
    const entry = entries[at]!;
    countLabel(entry, at, contact.label, index);
    if (!entry.note && contact.note) entry.note = contact.note;
    if (!entry.href && contact.href) entry.href = contact.href;
    if (!listsSource(entry.sources, contact.source)) entry.sources.push(contact.source);
  }

  function countLabel(entry: ContactEntry, at: number, label: string, index: number): void {
    if (entry.labels[0] === label) {
      firstLabelCount[at]!++;
      return;
    }
    let more = moreLabels[at];
    const known = entry.labels.indexOf(label);
    if (!more) moreLabels[at] = more = { count: [firstLabelCount[at]!], contact: [firstLabelContact[at]!] };
    if (known !== -1) {
      more.count[known]!++;
    } else {
      entry.labels.push(label);
      more.count.push(1);
      more.contact.push(index);
    }
  }

  const groupOf = new Map<string, number>();
  const groups: ContactGroup[] = [];
  /** Per group: how often its first spelling was used, and its other spellings once it has any. */
  const firstSpellingCount: number[] = [];
  const spellings: (Map<string, number> | undefined)[] = [];
  // Entries join their group in the order first seen, which stays the tie-break within a group.
  for (let at = 0; at < entries.length; at++) {
    if (++work % ITEMS_PER_STEP === 0) yield;
    const entry = entries[at]!;
    const more = moreLabels[at];
    const chosen = more ? mostUsed(more.count) : 0;
    const label = entry.labels[chosen]!;
    const count = more ? more.count[chosen]! : firstLabelCount[at]!;
    const contactIndex = more ? more.contact[chosen]! : firstLabelContact[at]!;
    const knownKey = knownTeams?.key[contactIndex];
    let key: string;
    let tier: string | undefined;
    if (knownKey !== undefined) {
      key = knownKey;
      tier = knownTeams!.tier[contactIndex] || undefined;
    } else {
      let team = teams.get(label);
      if (!team) teams.set(label, (team = teamOfLabel(label)));
      key = team.key;
      tier = team.tier;
    }
    key ||= label.toLowerCase();
    if (tier) entry.tier = tier;
    let g = groupOf.get(key);
    if (g === undefined) {
      g = groups.push({ key, label, rank: 'other', reachable: false, entries: [] }) - 1;
      groupOf.set(key, g);
      firstSpellingCount.push(0);
      spellings.push(undefined);
    }
    const group = groups[g]!;
    group.entries.push(entry);
    const spelt = spellings[g];
    if (!spelt && label === group.label) {
      firstSpellingCount[g]! += count;
    } else if (spelt) {
      spelt.set(label, (spelt.get(label) ?? 0) + count);
    } else {
      spellings[g] = new Map([
        [group.label, firstSpellingCount[g]!],
        [label, count],
      ]);
    }
  }

  // Rank, on-call first, reachable first and the best way to reach a group, as one number: worked out once per
  // group and kept beside it, since inside the comparison it ran for every pair (seconds with 500 teams).
  const standing: number[] = [];
  const sortKey: (string | undefined)[] = [];
  for (let g = 0; g < groups.length; g++) {
    if (++work % ITEMS_PER_STEP === 0) yield;
    const group = groups[g]!;
    const spelt = spellings[g];
    if (group.key === ON_CALL_KEY) group.label = ON_CALL_LABEL;
    else if (spelt) group.label = mostUsedSpelling(spelt);
    if (group.entries.length > 1) group.entries = orderEntries(group);
    group.rank = rankOf(group);
    let best: number = KIND_ORDER.role;
    for (const e of group.entries) if (KIND_ORDER[e.kind] < best && canReach(e)) best = KIND_ORDER[e.kind];
    // Only a role can be unreachable as the best kind, so the best kind says whether any entry can be reached.
    group.reachable = best !== KIND_ORDER.role;
    const onCall = group.key === ON_CALL_KEY ? 0 : 1;
    standing.push(RANK_ORDER[group.rank] * 1_000 + onCall * 100 + (group.reachable ? 0 : 10) + best);
    sortKey.push(plainSortKey(group.label));
  }
  const order = yield* sortInSteps(
    groups.map((_, g) => g),
    (a, b) =>
      standing[a]! - standing[b]! ||
      compareLabels(groups[a]!.label, sortKey[a], groups[b]!.label, sortKey[b]) ||
      compareKeys(groups[a]!.key, groups[b]!.key),
  );
  return order.map((g) => groups[g]!);
}

/** Entries by kind, each kind in the order first seen; a bare role is dropped from a team that has real points. */
function orderEntries(group: ContactGroup): ContactEntry[] {
  const hasPoints = group.entries.some((e) => e.kind !== 'role');
  return (
    group.entries
      .filter((e) => !(hasPoints && e.kind === 'role' && teamOfLabel(e.value).key === group.key))
      // A stable sort: within a kind, entries keep the order they were first seen in.
      .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind])
  );
}

function compareKeys(a: string, b: string): number {
  return a.localeCompare(b);
}

/** Whether `sources` lists this place already (the same runbook, line and kind of place). */
function listsSource(sources: readonly ContactSource[], source: ContactSource): boolean {
  for (const s of sources) {
    if (s.sourceId === source.sourceId && s.path === source.path && s.line === source.line && s.from === source.from) return true;
  }
  return false;
}

/**
 * A stable merge sort that pauses after every few hundred comparisons; the same order as `Array.prototype.sort`
 * (which is stable too) with the same comparison.
 */
function* sortInSteps<T>(items: T[], compare: (a: T, b: T) => number): Generator<void, T[], void> {
  let from = items.slice();
  let to = new Array<T>(from.length);
  let work = 0;
  for (let width = 1; width < from.length; width *= 2) {
    for (let start = 0; start < from.length; start += 2 * width) {
      const middle = Math.min(start + width, from.length);
      const end = Math.min(start + 2 * width, from.length);
      let left = start;
      let right = middle;
      for (let out = start; out < end; out++) {
        if (++work % ITEMS_PER_STEP === 0) yield;
        // Equal items keep their order: the left run's item goes first.
        if (left < middle && (right >= end || compare(from[left]!, from[right]!) <= 0)) to[out] = from[left++]!;
        else to[out] = from[right++]!;
      }
    }
    [from, to] = [to, from];
  }
  return from;
}

/**
 * Whether an entry is a way to reach someone: a phone number, an email address, a chat channel or link, or a
 * paging link or policy name. A role ("VP Engineering") or a paging instruction in prose ("page via
 * PagerDuty", a bare "PagerDuty") names no one to call.
 */
export function canReach(entry: Pick<ContactEntry, 'kind' | 'value' | 'href' | 'via'>): boolean {
  return entry.kind !== 'role' && (entry.href !== undefined || copyTextOf(entry) !== undefined);
}

/** On-call: the label says on-call/pager/incident command, or the group pages someone. Then security. */
function rankOf(group: ContactGroup): ContactGroup['rank'] {
  if (
    // The key is a label key already (or has no letters at all): reading it again is wasted on 30,000 teams.
    /\boncall\b|\bon call\b|\bpag(?:er|ing)\b|\bincident commander\b/.test(group.key) ||
    group.entries.some((e) => e.kind === 'paging')
  ) {
    return 'on-call';
  }
  if (/\bsecurity\b|\binfosec\b|\bsoc\b|\bcsirt\b/.test(group.key)) return 'security';
  return 'other';
}

/** The spelling used most often; the first one seen on a tie. */
function mostUsedSpelling(counts: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [spelling, count] of counts) {
    if (count > bestCount) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}

/** Index of the highest count; the first one on a tie. */
function mostUsed(counts: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < counts.length; i++) if (counts[i]! > counts[best]!) best = i;
  return best;
}
