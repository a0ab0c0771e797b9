/** The id the contacts dialog is labelled by. */
export const CONTACTS_TITLE_ID = 'rr-contacts-title';

/** The contacts dialog's title and close button: the same whether the panel's chunk loaded or not. */
export function ContactsModalHead({ onClose }: { onClose: () => void }) {
  return (
    <div className="rr-modal-head">
      <h2 id={CONTACTS_TITLE_ID}>Emergency contacts</h2>
      <button type="button" className="rr-icon-button" onClick={onClose} aria-label="Close emergency contacts">
        ✕
      </button>
    </div>
  );
}
