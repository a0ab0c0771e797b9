import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { slackChannelHref } from '../../core/contacts/contactLinks';
import type { ContactListRow } from '../../core/cache/contactList';
import type { ContactGroup } from '../../core/contacts/contactModel';
import { groupContactsInSteps } from '../../core/contacts/groupContacts';
import { packedTeams, unpackContacts } from '../../core/contacts/packContacts';
import { choosePhoneRegion } from '../../core/contacts/phoneRegion';
import { resolveContactRegions } from '../../core/contacts/resolveContactRegions';
import { readSettings } from '../../core/userdata/settings';
import { db } from '../app/database';
import { runInSlices } from '../app/runInSlices';
import { deviceRegion } from './deviceRegion';

/** What the panel needs of the sources and settings: which sources show, their regions, the chat workspace. */
interface ContactSettings {
  visible: string[];
  /** Region of each source that has one. */
  regions: Record<string, string>;
  slackWorkspace: string | undefined;
}

/**
 * Every contact found in the cached runbooks of visible sources, deduplicated and grouped by team. National
 * phone numbers of runbooks without a `region:` are read in their source's region, else the device's.
 * Contacts were extracted at ingest, so this reads metadata only, never bodies. Grouping runs in short slices
 * (30,000 contacts take seconds in one piece); after a sync the new contacts are grouped again the same way.
 */
export function useContactGroups(enabled = true): ContactGroup[] | undefined {
  // Closed panel: nothing is read (reading every runbook's metadata is costly in a large library).
  const runbooks = useLiveQuery(() => (enabled ? readRunbookContacts() : undefined), [enabled]);
  const settings = useLiveQuery(() => (enabled ? readContactSettings() : undefined), [enabled]);
  // A sync rewrites its source's record every time; only a change to what the panel uses groups it again.
  const settingsKey = settings && JSON.stringify(settings);
  const [grouped, setGrouped] = useState<ContactGroup[]>();

  useEffect(() => {
    if (!runbooks || !settingsKey) return undefined;
    const { visible, regions, slackWorkspace } = JSON.parse(settingsKey) as ContactSettings;
    const shown = new Set(visible);
    const device = deviceRegion();
    const lists = runbooks.filter((r) => shown.has(r.sourceId) && !r.removedFromSource);
    const contacts = lists.flatMap((r) => unpackContacts(r.contacts));
    const knownTeams = { key: [] as (string | undefined)[], tier: [] as string[] };
    for (const list of lists) packedTeams(list.contacts, knownTeams);
    const placed = resolveContactRegions(contacts, (c) => choosePhoneRegion({ source: regions[c.source.sourceId], device }));
    const run = runInSlices(groupContactsInSteps(placed, knownTeams));
    void run.done.then((groups) => setGrouped(linkChatChannels(groups, slackWorkspace)));
    return run.cancel;
  }, [runbooks, settingsKey]);

  // Until a re-read library is grouped, the groups of the one before stay on screen.
  return enabled ? grouped : undefined;
}

/**
 * The contacts of every cached runbook, packed (see `packContacts`), read in a transaction of their own: Dexie's
 * live-query cache would otherwise deep-copy every row, and a source's record rewritten by a sync does not read
 * them again.
 */
function readRunbookContacts(): Promise<ContactListRow[]> {
  return db.transaction('r', db.contactLists, () => db.contactLists.toArray());
}

async function readContactSettings(): Promise<ContactSettings> {
  const [sources, settings] = await Promise.all([db.sources.toArray(), readSettings(db)]);
  return {
    visible: sources.filter((s) => !s.hidden).map((s) => s.id),
    regions: Object.fromEntries(sources.flatMap((s) => (s.region ? [[s.id, s.region]] : []))),
    slackWorkspace: settings.slackWorkspace,
  };
}

/** Chat channels open in the configured workspace; without one they stay copy-only. */
function linkChatChannels(groups: ContactGroup[], slackWorkspace: string | undefined): ContactGroup[] {
  if (!slackWorkspace) return groups;
  for (const group of groups) {
    for (const entry of group.entries) {
      if (entry.kind !== 'chat' || entry.href || !entry.value.startsWith('#')) continue;
      if (entry.via && entry.via !== 'Slack') continue;
      const href = slackChannelHref(entry.value, slackWorkspace);
      if (href) entry.href = href;
    }
  }
  return groups;
}
