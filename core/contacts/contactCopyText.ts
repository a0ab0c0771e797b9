import type { ContactEntry } from './contactModel';

/**
 * What Copy puts on the clipboard for a contact: the number, address, channel, policy or link itself, never
 * the team's label or a sentence. Undefined when the entry holds nothing to copy: a role ("VP Engineering"),
 * a paging instruction in prose ("page via PagerDuty") or a bare service name ("PagerDuty").
 */
export function copyTextOf(entry: Pick<ContactEntry, 'kind' | 'value' | 'href' | 'via'>): string | undefined {
  const value = entry.value.trim();
  switch (entry.kind) {
    case 'phone':
    case 'email':
      return value;
    case 'chat':
      return value || entry.href;
    case 'paging':
      if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return value;
      if (value && !/\s/.test(value) && value.toLowerCase() !== entry.via?.toLowerCase()) return value;
      return entry.href;
    case 'role':
      return undefined;
  }
}
