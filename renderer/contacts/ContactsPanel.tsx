import { memo, useMemo, useState } from 'react';
import { copyTextOf } from '../../core/contacts/contactCopyText';
import { canReach } from '../../core/contacts/groupContacts';
import type { ContactEntry, ContactGroup, ContactKind, ContactSource } from '../../core/contacts/contactModel';
import type { PhoneRegionFrom } from '../../core/contacts/phoneRegion';
import { externalLinkHref } from '../../core/links/externalUrlPolicy';
import { judgeReviewAge, localCalendarDate } from '../../core/runbook/reviewAge';
import { isModalHistoryEntry, Modal } from '../app/Modal';
import { ContactsModalHead, CONTACTS_TITLE_ID } from './ContactsModalHead';
import { RouteLink } from '../app/RouteLink';
import { useProgressiveCount } from '../app/useProgressiveCount';
import { runbookRoute } from '../routes';
import { CopyButton } from './CopyButton';
import { useContactGroups } from './useContactGroups';
import './contacts.css';

interface Props {
  open: boolean;
  onClose: () => void;
}

const KIND_LABEL: Record<ContactKind, string> = { phone: 'Phone', email: 'Email', chat: 'Chat', paging: 'Paging', role: 'Role' };
const KIND_ICON: Record<ContactKind, string> = { phone: '☎', email: '✉', chat: '#', paging: '⚑', role: '•' };
const REGION_FROM: Record<PhoneRegionFrom, string> = {
  runbook: 'the runbook’s region',
  source: 'the source’s region',
  device: 'this device’s region',
  'command line': 'the region given',
};

/**
 * "Who do I call now": the teams and rotations that can be reached (on-call first, phone numbers first), each
 * entry with the runbook it came from and how recently that runbook was reviewed; names with no way to reach
 * them are folded under "More". Every phone number, email, chat channel and paging policy in the cached runbooks.
 */
export function ContactsPanel({ open, onClose }: Props) {
  const groups = useContactGroups(open);
  const [filter, setFilter] = useState('');
  const [moreOpen, setMoreOpen] = useState(false);
  const shown = useMemo(() => (open ? filterGroups(groups ?? [], filter) : []), [open, groups, filter]);
  // Who can be reached first; names and instructions with no number, address or channel go under "More".
  const reachable = useMemo(() => entriesWhere(shown, canReach), [shown]);
  const unreachable = useMemo(() => entriesWhere(shown, (e) => !canReach(e)), [shown]);
  // Thousands of contacts are listed a few hundred at a time while the page is idle, never in one long task.
  const moreCount = unreachable.reduce((sum, group) => sum + group.entries.length, 0);
  const total = useMemo(() => reachable.reduce((sum, group) => sum + group.entries.length, 0), [reachable]);
  const listed = useProgressiveCount(total, 100, 400, reachable);
  const today = localCalendarDate(new Date());

  return (
    <Modal open={open} onClose={onClose} labelledBy={CONTACTS_TITLE_ID} className="rr-contacts">
      <ContactsModalHead onClose={onClose} />
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
        {limitEntries(reachable, listed).map((group) => (
          <ContactGroupList key={group.key} group={group} today={today} onNavigate={onClose} />
        ))}
        {listed < total && <p className="rr-muted">Listing {total.toLocaleString('en')} contacts…</p>}
        {listed >= total && unreachable.length > 0 && (
          <details
            className="rr-contacts-more"
            open={moreOpen || reachable.length === 0}
            onToggle={(e) => setMoreOpen(e.currentTarget.open)}
          >
            <summary>
              More: {moreCount} {moreCount === 1 ? 'entry' : 'entries'} with no number, address or channel
            </summary>
            {/* Built only when opened: a large library can name hundreds of roles. */}
            {(moreOpen || reachable.length === 0) &&
              unreachable.map((group) => <ContactGroupList key={group.key} group={group} today={today} onNavigate={onClose} />)}
          </details>
        )}
      </div>
    </Modal>
  );
}

// A group already listed is not drawn again when the next few hundred contacts are added below it.
const ContactGroupList = memo(function ContactGroupList({
  group,
  today,
  onNavigate,
}: {
  group: ContactGroup;
  today: string;
  onNavigate: () => void;
}) {
  return (
    <section className="rr-contact-group" aria-label={group.label}>
      <h3>{group.label}</h3>
      <ul>
        {group.entries.map((entry) => (
          <ContactRow key={entry.id} entry={entry} today={today} onNavigate={onNavigate} />
        ))}
      </ul>
    </section>
  );
});

/** The groups' entries that pass `keep`, in their groups; groups left empty are dropped. */
function entriesWhere(groups: ContactGroup[], keep: (entry: ContactEntry) => boolean): ContactGroup[] {
  return groups
    .map((group) => (group.entries.every(keep) ? group : { ...group, entries: group.entries.filter(keep) }))
    .filter((group) => group.entries.length > 0);
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

function ContactRow({ entry, today, onNavigate }: { entry: ContactEntry; today: string; onNavigate: () => void }) {
  const source = entry.sources[0];
  const href = externalLinkHref(entry.href);
  const web = href?.startsWith('http');
  const copy = copyTextOf(entry);
  // "PagerDuty · PagerDuty service …" says the service twice: the note names it already.
  const via = entry.via && entry.note?.toLowerCase().includes(entry.via.toLowerCase()) ? undefined : entry.via;
  const details = [via, entry.note, regionNote(entry)].filter(Boolean).join(' · ');
  return (
    <li className={`rr-contact rr-contact-${entry.kind}`}>
      <span className="rr-contact-kind" aria-label={KIND_LABEL[entry.kind]} title={entry.via ?? KIND_LABEL[entry.kind]}>
        {KIND_ICON[entry.kind]}
      </span>
      <span className="rr-contact-main">
        <span className="rr-contact-line">
          {href ? (
            <a className="rr-contact-value" href={href} target={web ? '_blank' : undefined} rel={web ? 'noopener noreferrer' : undefined}>
              {entry.value}
            </a>
          ) : (
            <span className="rr-contact-value">{entry.value}</span>
          )}
          {entry.tier && <span className="rr-contact-tier">{entry.tier}</span>}
        </span>
        {details && <span className="rr-contact-note">{details}</span>}
        {entry.phone?.checkReason && (
          <span className="rr-contact-check">
            <span aria-hidden="true">⚠ </span>Check this number: {entry.phone.checkReason}
          </span>
        )}
        {source && (
          <span className="rr-contact-source">
            <RouteLink to={runbookRoute(source.sourceId, source.path, source.anchor)} replace={isModalHistoryEntry()} onClick={onNavigate}>
              from {source.title}
            </RouteLink>
            <ReviewDate source={source} today={today} />
            {entry.sources.length > 1 ? ` and ${entry.sources.length - 1} more` : ''}
          </span>
        )}
      </span>
      {copy && <CopyButton text={copy} label={`${KIND_LABEL[entry.kind].toLowerCase()} ${copy}`} />}
    </li>
  );
}

/** How current the runbook a contact came from is: its review date, marked when overdue or missing. */
function ReviewDate({ source, today }: { source: ContactSource; today: string }) {
  const age = judgeReviewAge(source.lastReviewed, today);
  if (age.state === 'never-reviewed') return <span className="rr-contact-review rr-contact-review-old"> · no review date</span>;
  const overdue = age.state === 'overdue';
  return (
    <span className={`rr-contact-review${overdue ? ' rr-contact-review-old' : ''}`}>
      {' '}
      · reviewed <span className="rr-contact-date">{source.lastReviewed}</span>
      {overdue ? ` (${age.days} days ago)` : ''}
    </span>
  );
}

/** Which region a national number was read in, and why that one. */
function regionNote(entry: ContactEntry): string | undefined {
  const phone = entry.phone;
  if (entry.kind !== 'phone' || !phone?.region) {
    return phone?.needsRegion ? 'no region known for this number: add region: to the runbook' : undefined;
  }
  return `read as ${phone.region}${phone.regionFrom ? `, ${REGION_FROM[phone.regionFrom]}` : ''}`;
}

function filterGroups(groups: ContactGroup[], filter: string): ContactGroup[] {
  const needle = filter.trim().toLowerCase();
  if (!needle) return groups;
  const digits = needle.replace(/\D/g, '');
  return groups
    .map((group) => {
      if (group.label.toLowerCase().includes(needle)) return group;
      const entries = group.entries.filter((e) => {
        const text =
          `${e.value} ${e.labels.join(' ')} ${e.note ?? ''} ${e.via ?? ''} ${e.sources.map((s) => s.title).join(' ')}`.toLowerCase();
        return text.includes(needle) || (digits.length >= 3 && e.value.replace(/\D/g, '').includes(digits));
      });
      return { ...group, entries };
    })
    .filter((group) => group.entries.length > 0);
}
