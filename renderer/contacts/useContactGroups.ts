import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { slackChannelHref } from '../../core/contacts/contactLinks';
import type { ContactGroup } from '../../core/contacts/contactModel';
import { groupContactsInSteps } from '../../core/contacts/groupContacts';
import { choosePhoneRegion } from '../../core/contacts/phoneRegion';
import { resolveContactRegions } from '../../core/contacts/resolveContactRegions';
import { readSettings } from '../../core/userdata/settings';
import { db } from '../app/database';
import { runInSlices } from '../app/runInSlices';
import { deviceRegion } from './deviceRegion';

/**
 * Every contact found in the cached runbooks of visible sources, deduplicated and grouped by team. National
 * phone numbers of runbooks without a `region:` are read in their source's region, else the device's.
 * Contacts were extracted at ingest, so this reads metadata only, never bodies. Grouping runs in short slices
 * (30,000 contacts take seconds in one piece); after a sync the new contacts are grouped again the same way.
 */
export function useContactGroups(enabled = true): ContactGroup[] | undefined {
  const found = useLiveQuery(async () => {
    // Closed panel: nothing to read (reading every runbook's metadata is costly in a large library).
    if (!enabled) return undefined;
    const [runbooks, sources, settings] = await Promise.all([db.runbooks.toArray(), db.sources.toArray(), readSettings(db)]);
    const visible = new Set(sources.filter((s) => !s.hidden).map((s) => s.id));
    const sourceRegion = new Map(sources.map((s) => [s.id, s.region]));
    const contacts = runbooks.filter((r) => visible.has(r.sourceId) && !r.removedFromSource).flatMap((r) => r.contacts ?? []);
    return { contacts, sourceRegion, slackWorkspace: settings.slackWorkspace };
  }, [enabled]);
  const [grouped, setGrouped] = useState<ContactGroup[]>();

  useEffect(() => {
    if (!found) return undefined;
    const device = deviceRegion();
    const placed = resolveContactRegions(found.contacts, (c) =>
      choosePhoneRegion({ source: found.sourceRegion.get(c.source.sourceId), device }),
    );
    const run = runInSlices(groupContactsInSteps(placed));
    void run.done.then((groups) => setGrouped(linkChatChannels(groups, found.slackWorkspace)));
    return run.cancel;
  }, [found]);

  if (!enabled || !grouped) return undefined;
  // Until a re-read library is grouped, the groups of the one before stay on screen.
  return grouped;
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
