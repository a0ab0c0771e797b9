import { useLiveQuery } from 'dexie-react-hooks';
import { slackChannelHref } from '../../core/contacts/contactLinks';
import type { ContactGroup } from '../../core/contacts/contactModel';
import { groupContacts } from '../../core/contacts/groupContacts';
import { choosePhoneRegion } from '../../core/contacts/phoneRegion';
import { resolveContactRegions } from '../../core/contacts/resolveContactRegions';
import { readSettings } from '../../core/userdata/settings';
import { db } from '../app/database';
import { deviceRegion } from './deviceRegion';

/**
 * Every contact found in the cached runbooks of visible sources, deduplicated and grouped by team. National
 * phone numbers of runbooks without a `region:` are read in their source's region, else the device's.
 * Contacts were extracted at ingest, so this reads metadata only, never bodies.
 */
export function useContactGroups(enabled = true): ContactGroup[] | undefined {
  return useLiveQuery(async () => {
    // Closed panel: nothing to read (reading every runbook's metadata is costly in a large library).
    if (!enabled) return undefined;
    const [runbooks, sources, settings] = await Promise.all([db.runbooks.toArray(), db.sources.toArray(), readSettings(db)]);
    const visible = new Set(sources.filter((s) => !s.hidden).map((s) => s.id));
    const sourceRegion = new Map(sources.map((s) => [s.id, s.region]));
    const device = deviceRegion();
    const contacts = runbooks.filter((r) => visible.has(r.sourceId) && !r.removedFromSource).flatMap((r) => r.contacts ?? []);
    const placed = resolveContactRegions(contacts, (c) => choosePhoneRegion({ source: sourceRegion.get(c.source.sourceId), device }));
    const groups = groupContacts(placed);
    if (!settings.slackWorkspace) return groups;
    // Chat channels open in the configured workspace; without one they stay copy-only.
    for (const group of groups) {
      for (const entry of group.entries) {
        if (entry.kind !== 'chat' || entry.href || !entry.value.startsWith('#')) continue;
        if (entry.via && entry.via !== 'Slack') continue;
        const href = slackChannelHref(entry.value, settings.slackWorkspace);
        if (href) entry.href = href;
      }
    }
    return groups;
  }, [enabled]);
}
