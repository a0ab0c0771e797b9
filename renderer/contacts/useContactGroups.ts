import { useLiveQuery } from 'dexie-react-hooks';
import { slackChannelHref } from '../../core/contacts/contactLinks';
import type { ContactGroup } from '../../core/contacts/contactModel';
import { groupContacts } from '../../core/contacts/groupContacts';
import { readSettings } from '../../core/userdata/settings';
import { db } from '../app/database';

/**
 * Every contact found in the cached runbooks of visible sources, deduplicated and grouped by team.
 * Contacts were extracted at ingest, so this reads metadata only, never bodies.
 */
export function useContactGroups(enabled = true): ContactGroup[] | undefined {
  return useLiveQuery(async () => {
    // Closed panel: nothing to read (reading every runbook's metadata is costly in a large library).
    if (!enabled) return undefined;
    const [runbooks, sources, settings] = await Promise.all([db.runbooks.toArray(), db.sources.toArray(), readSettings(db)]);
    const visible = new Set(sources.filter((s) => !s.hidden).map((s) => s.id));
    const contacts = runbooks.filter((r) => visible.has(r.sourceId) && !r.removedFromSource).flatMap((r) => r.contacts ?? []);
    const groups = groupContacts(contacts);
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
