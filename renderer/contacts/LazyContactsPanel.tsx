import { lazy, Suspense, useEffect, useState } from 'react';
import { Modal } from '../app/Modal';
import { ContactsModalHead, CONTACTS_TITLE_ID } from './ContactsModalHead';
import { whenIdle } from '../app/useProgressiveCount';

/** How long after start the panel's chunk is fetched: after the first runbook and search, before anyone taps. */
const FETCH_AFTER_MS = 1_000;

const loadPanel = () => import('./ContactsPanel');
const ContactsPanel = lazy(() =>
  loadPanel().then(
    (module) => ({ default: module.ContactsPanel }),
    (error: unknown) => ({ default: panelUnavailable(error) }),
  ),
);

interface Props {
  open: boolean;
  onClose: () => void;
}

/** What opens instead when the panel's chunk cannot be had (an app update half installed, storage cleared). */
function panelUnavailable(error: unknown) {
  const reason = error instanceof Error ? error.message : String(error);
  return function ContactsUnavailable({ open, onClose }: Props) {
    return (
      <Modal open={open} onClose={onClose} labelledBy={CONTACTS_TITLE_ID} className="rr-contacts">
        <ContactsModalHead onClose={onClose} />
        <div className="rr-modal-body">
          <p className="rr-notice rr-notice-error" role="alert">
            The contacts panel could not be loaded ({reason}). Reload the page to try again; the contacts sections of each runbook still
            show on its page.
          </p>
        </div>
      </Modal>
    );
  };
}

/**
 * The contacts panel in a chunk of its own: reading phone numbers takes libphonenumber and its metadata
 * (about 190 KB), which the app's start does without. The chunk is fetched in an idle moment a second after
 * start, so the first tap on "Contacts" opens it at once; the panel is mounted from its first opening on.
 */
export function LazyContactsPanel({ open, onClose }: Props) {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  useEffect(() => {
    let cancelIdle = () => {};
    const timer = setTimeout(() => {
      cancelIdle = whenIdle(() => void loadPanel().catch(() => undefined));
    }, FETCH_AFTER_MS);
    return () => {
      clearTimeout(timer);
      cancelIdle();
    };
  }, []);
  if (!opened) return null;
  return (
    <Suspense fallback={null}>
      <ContactsPanel open={open} onClose={onClose} />
    </Suspense>
  );
}
