import { labelKey } from './contactLabels';
import type { ContactKind } from './contactModel';

/**
 * Deduplication identity of a contact: the kind and its normalised value. Phone numbers compare by their
 * `tel:` URI (so `(555) 123-4567` and `+1-555-123-4567` are one), emails and channels case-insensitively,
 * a Slack channel regardless of the configured workspace, and roles together with their label (two teams'
 * "PagerDuty alert" are two contacts).
 */
export function contactId(contact: {
  kind: ContactKind;
  value: string;
  href?: string | undefined;
  via?: string | undefined;
  label: string;
}): string {
  const value = contact.value.trim().replace(/\s+/g, ' ').toLowerCase();
  switch (contact.kind) {
    case 'phone':
      return `phone:${contact.href?.replace(/^tel:/i, '') ?? value.replace(/[^\d+]/g, '')}`;
    case 'email':
      return `email:${value.replace(/^mailto:/, '')}`;
    case 'chat':
    case 'paging': {
      // A channel or policy name is identified by its service; a link by itself.
      const isLink = /^[a-z][a-z0-9+.-]*:/.test(value);
      return isLink ? `${contact.kind}:${value}` : `${contact.kind}:${(contact.via ?? '').toLowerCase()}:${value}`;
    }
    case 'role':
      return `role:${labelKey(contact.label)}:${value}`;
  }
}
