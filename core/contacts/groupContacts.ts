import { teamOfLabel, type LabelTeam } from './contactLabels';
import { copyTextOf } from './contactCopyText';
import type { Contact, ContactEntry, ContactGroup, ContactKind } from './contactModel';

const KIND_ORDER: Record<ContactKind, number> = { phone: 0, paging: 1, chat: 2, email: 3, role: 4 };
const RANK_ORDER: Record<ContactGroup['rank'], number> = { 'on-call': 0, security: 1, other: 2 };
/** The one group every on-call synonym goes to. */
const ON_CALL_KEY = 'oncall';
const ON_CALL_LABEL = 'On-call';
// One collator for every comparison: `localeCompare` with options builds one per call (seconds for 30,000 teams).
const BY_LABEL = new Intl.Collator(undefined, { sensitivity: 'base' });

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
  const teamOf = (label: string, contactIndex: number): LabelTeam => {
    const key = knownTeams?.key[contactIndex];
    if (key !== undefined) return { key, tier: knownTeams!.tier[contactIndex] || undefined };
    let team = teams.get(label);
    if (!team) teams.set(label, (team = teamOfLabel(label)));
    return team;
  };
  // Counts (and the first contact with each label) run beside `entry.labels` (same order), and a team's other
  // spellings get a Map only when there are any: a Map per entry and per team was most of the garbage
  // collected while grouping 30,000 contacts.
  const entries = new Map<string, { entry: ContactEntry; labelCounts: number[]; labelFirst: number[] }>();
  for (let index = 0; index < contacts.length; index++) {
    const contact = contacts[index]!;
    if (++work % ITEMS_PER_STEP === 0) yield;
    let slot = entries.get(contact.id);
    if (!slot) {
      const entry: ContactEntry = { id: contact.id, kind: contact.kind, value: contact.value, labels: [], sources: [] };
      if (contact.href) entry.href = contact.href;
      if (contact.via) entry.via = contact.via;
      if (contact.note) entry.note = contact.note;
      if (contact.phone) entry.phone = contact.phone;
      slot = { entry, labelCounts: [], labelFirst: [] };
      entries.set(contact.id, slot);
    }
    const { entry, labelCounts, labelFirst } = slot;
    const at = entry.labels.indexOf(contact.label);
    if (at === -1) {
      entry.labels.push(contact.label);
      labelCounts.push(1);
      labelFirst.push(index);
    } else {
      labelCounts[at]!++;
    }
    if (!entry.note && contact.note) entry.note = contact.note;
    if (!entry.href && contact.href) entry.href = contact.href;
    const src = contact.source;
    const known = entry.sources.some(
      (s) => s.sourceId === src.sourceId && s.path === src.path && s.line === src.line && s.from === src.from,
    );
    if (!known) entry.sources.push(src);
  }

  const groups = new Map<string, { group: ContactGroup; firstCount: number; spellings?: Map<string, number> }>();
  // Entries join their group in the order first seen, which stays the tie-break within a group.
  for (const { entry, labelCounts, labelFirst } of entries.values()) {
    if (++work % ITEMS_PER_STEP === 0) yield;
    const chosen = mostUsed(labelCounts);
    const label = entry.labels[chosen]!;
    const team = teamOf(label, labelFirst[chosen]!);
    const key = team.key || label.toLowerCase();
    if (team.tier) entry.tier = team.tier;
    let slot = groups.get(key);
    if (!slot) {
      slot = { group: { key, label, rank: 'other', reachable: false, entries: [] }, firstCount: 0 };
      groups.set(key, slot);
    }
    slot.group.entries.push(entry);
    const count = labelCounts[chosen]!;
    if (!slot.spellings && label === slot.group.label) {
      slot.firstCount += count;
    } else {
      slot.spellings ??= new Map([[slot.group.label, slot.firstCount]]);
      slot.spellings.set(label, (slot.spellings.get(label) ?? 0) + count);
    }
  }

  // Rank, on-call first, reachable first and the best way to reach a group, as one number: worked out once per
  // group and kept beside it, since inside the comparison it ran for every pair (seconds with 500 teams).
  const ranked: { group: ContactGroup; standing: number }[] = [];
  for (const { group, spellings } of groups.values()) {
    if (++work % ITEMS_PER_STEP === 0) yield;
    if (group.key === ON_CALL_KEY) group.label = ON_CALL_LABEL;
    else if (spellings) group.label = mostUsedSpelling(spellings);
    const hasPoints = group.entries.some((e) => e.kind !== 'role');
    group.entries = group.entries
      .filter((e) => !(hasPoints && e.kind === 'role' && teamOfLabel(e.value).key === group.key))
      // A stable sort: within a kind, entries keep the order they were first seen in.
      .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
    group.rank = rankOf(group);
    group.reachable = group.entries.some(canReach);
    let best: number = KIND_ORDER.role;
    for (const e of group.entries) if (KIND_ORDER[e.kind] < best && canReach(e)) best = KIND_ORDER[e.kind];
    const onCall = group.key === ON_CALL_KEY ? 0 : 1;
    ranked.push({ group, standing: RANK_ORDER[group.rank] * 1_000 + onCall * 100 + (group.reachable ? 0 : 10) + best });
  }
  const sorted = yield* sortInSteps(
    ranked,
    (a, b) => a.standing - b.standing || BY_LABEL.compare(a.group.label, b.group.label) || a.group.key.localeCompare(b.group.key),
  );
  return sorted.map((r) => r.group);
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
