import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { ContactEntry, ContactGroup, ContactKind } from '../../core/contacts/contactModel';
import { externalLinkHref } from '../../core/links/externalUrlPolicy';
import { isModalHistoryEntry, Modal } from '../app/Modal';
import { useProgressiveCount } from '../app/useProgressiveCount';
import { runbookRoute } from '../routes';
import { CopyButton } from './CopyButton';
import { useContactGroups } from './useContactGroups';

interface Props {
  open: boolean;
  onClose: () => void;
}

const KIND_LABEL: Record<ContactKind, string> = { phone: 'Phone', email: 'Email', chat: 'Chat', paging: 'Paging', role: 'Role' };
const KIND_ICON: Record<ContactKind, string> = { phone: '☎', email: '✉', chat: '#', paging: '⚑', role: '•' };

/** Every phone number, email, chat channel and paging policy in the cached runbooks, grouped by team. */
export function ContactsPanel({ open, onClose }: Props) {
  const groups = useContactGroups(open);
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => (open ? filterGroups(groups ?? [], filter) : []), [open, groups, filter]);
  // Thousands of contacts are listed a few hundred at a time while the page is idle, never in one long task.
  const total = useMemo(() => shown.reduce((sum, group) => sum + group.entries.length, 0), [shown]);
  const listed = useProgressiveCount(total, 100, 400, shown);

  return (
    <Modal open={open} onClose={onClose} labelledBy="rr-contacts-title" className="rr-contacts">
      <div className="rr-modal-head">
        <h2 id="rr-contacts-title">Emergency contacts</h2>
        <button type="button" className="rr-icon-button" onClick={onClose} aria-label="Close emergency contacts">
          ✕
        </button>
      </div>
      <input
        className="rr-modal-filter"
        type="search"
        placeholder="Filter by team, name or number"
        aria-label="Filter contacts"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <div className="rr-modal-body">
        {!groups && <p className="rr-muted">Loading contacts…</p>}
        {groups && shown.length === 0 && (
          <p className="rr-muted">{groups.length === 0 ? 'No contacts found in the cached runbooks.' : 'No contact matches the filter.'}</p>
        )}
        {limitEntries(shown, listed).map((group) => (
          <section key={group.key} className="rr-contact-group" aria-label={group.label}>
            <h3>{group.label}</h3>
            <ul>
              {group.entries.map((entry) => (
                <ContactRow key={entry.id} entry={entry} onNavigate={onClose} />
              ))}
            </ul>
          </section>
        ))}
        {listed < total && <p className="rr-muted">Listing {total.toLocaleString('en')} contacts…</p>}
      </div>
    </Modal>
  );
}

/** The first `limit` entries, in their groups. */
function limitEntries(groups: ContactGroup[], limit: number): ContactGroup[] {
  const out: ContactGroup[] = [];
  let left = limit;
  for (const group of groups) {
    if (left <= 0) break;
    out.push(group.entries.length <= left ? group : { ...group, entries: group.entries.slice(0, left) });
    left -= group.entries.length;
  }
  return out;
}

function ContactRow({ entry, onNavigate }: { entry: ContactEntry; onNavigate: () => void }) {
  const source = entry.sources[0];
  const href = externalLinkHref(entry.href);
  const web = href?.startsWith('http');
  return (
    <li className={`rr-contact rr-contact-${entry.kind}`}>
      <span className="rr-contact-kind" aria-label={KIND_LABEL[entry.kind]} title={entry.via ?? KIND_LABEL[entry.kind]}>
        {KIND_ICON[entry.kind]}
      </span>
      <span className="rr-contact-main">
        {href ? (
          <a className="rr-contact-value" href={href} {...(web ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
            {entry.value}
          </a>
        ) : (
          <span className="rr-contact-value">{entry.value}</span>
        )}
        {(entry.via || entry.note) && <span className="rr-contact-note">{[entry.via, entry.note].filter(Boolean).join(' · ')}</span>}
        {source && (
          <Link
            className="rr-contact-source"
            to={runbookRoute(source.sourceId, source.path, source.anchor)}
            replace={isModalHistoryEntry()}
            onClick={onNavigate}
          >
            from {source.title}
            {entry.sources.length > 1 ? ` and ${entry.sources.length - 1} more` : ''}
          </Link>
        )}
      </span>
      {entry.kind !== 'role' && <CopyButton text={entry.value} label={`${KIND_LABEL[entry.kind].toLowerCase()} ${entry.value}`} />}
    </li>
  );
}

function filterGroups(groups: ContactGroup[], filter: string): ContactGroup[] {
  const needle = filter.trim().toLowerCase();
  if (!needle) return groups;
  const digits = needle.replace(/\D/g, '');
  return groups
    .map((group) => {
      if (group.label.toLowerCase().includes(needle)) return group;
      const entries = group.entries.filter((e) => {
        const text = `${e.value} ${e.labels.join(' ')} ${e.note ?? ''} ${e.via ?? ''}`.toLowerCase();
        return text.includes(needle) || (digits.length >= 3 && e.value.replace(/\D/g, '').includes(digits));
      });
      return { ...group, entries };
    })
    .filter((group) => group.entries.length > 0);
}
