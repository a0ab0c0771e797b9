import { useEffect, useEffectEvent, useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';

interface Props {
  open: boolean;
  onClose: () => void;
  /** Id of the element that names the dialog. */
  labelledBy: string;
  /** Extra class names on the dialog (its own look); `rr-modal` gives the shared frame. */
  className?: string | undefined;
  /** Element to focus when the dialog opens; otherwise its first text field, else the dialog itself. */
  initialFocus?: React.RefObject<HTMLElement | null> | undefined;
  /** Keys the dialog's own content handles (arrows, Enter); Esc and Tab are handled here first. */
  onKeyDown?: ((event: KeyboardEvent<HTMLDialogElement>) => void) | undefined;
  children: ReactNode;
}

/** Marks the history entry a modal adds, so Back closes the modal instead of leaving the page. */
const HISTORY_MARK = 'rrModal';
let historyOwner: symbol | undefined;

/**
 * The one modal of the app (search, emergency contacts): a native `<dialog>` opened with showModal, so the
 * page behind is inert; Tab stays inside, Esc and a click outside close it, focus returns to what opened
 * it, and the phone's Back button closes it instead of leaving the page.
 */
export function Modal({ open, onClose, labelledBy, className, initialFocus, onKeyDown, children }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  // The newest onClose runs when Back closes the modal, without re-running the effect that opened it.
  const closeOnBack = useEffectEvent(onClose);

  useEffect(() => {
    const element = dialog.current;
    if (!open || !element) return undefined;
    const opener = document.activeElement;
    if (typeof element.showModal === 'function' && !element.open) element.showModal();
    else element.setAttribute('open', '');
    const first = initialFocus?.current ?? element.querySelector<HTMLElement>('input, textarea, select') ?? element;
    first.focus({ preventScroll: true });

    const owner = Symbol('modal');
    if (!isModalEntry(history.state)) history.pushState({ ...(history.state as object | null), [HISTORY_MARK]: true }, '');
    historyOwner = owner;
    const onPopState = () => {
      if (isModalEntry(history.state)) return;
      historyOwner = undefined;
      closeOnBack();
    };
    window.addEventListener('popstate', onPopState);
    return () => {
      window.removeEventListener('popstate', onPopState);
      if (element.open && typeof element.close === 'function') element.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus({ preventScroll: true });
      if (historyOwner !== owner) return;
      historyOwner = undefined;
      // Closed by Esc, a button or a click outside: take back the entry Back would otherwise have to undo.
      // Later, so a modal that opens again at once (React's development double mount) keeps it.
      setTimeout(() => {
        if (historyOwner === undefined && isModalEntry(history.state)) history.back();
      }, 0);
    };
  }, [open, initialFocus]);

  if (!open) return null;

  const handleKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key === 'Tab') keepFocusInside(event, dialog.current);
    onKeyDown?.(event);
  };
  // A click on the dialog element itself is a click on its backdrop: the content fills the box.
  const handleMouseDown = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target === event.currentTarget) onClose();
  };

  return (
    <dialog
      ref={dialog}
      className={className ? `rr-modal ${className}` : 'rr-modal'}
      aria-labelledby={labelledBy}
      aria-modal="true"
      onKeyDown={handleKeyDown}
      onMouseDown={handleMouseDown}
      onCancel={(event) => {
        // The browser's own close request (Esc, Android's back gesture): the app decides, through onClose.
        event.preventDefault();
        onClose();
      }}
    >
      <div className="rr-modal-content">{children}</div>
    </dialog>
  );
}

/** Whether the current history entry is one a modal added. */
export function isModalHistoryEntry(): boolean {
  return isModalEntry(history.state);
}

function isModalEntry(state: unknown): boolean {
  return typeof state === 'object' && state !== null && (state as Record<string, unknown>)[HISTORY_MARK] === true;
}

/** Tab and Shift+Tab cycle within the dialog while it is open. */
function keepFocusInside(event: KeyboardEvent, container: HTMLElement | null): void {
  if (!container) return;
  const focusable = [
    ...container.querySelectorAll<HTMLElement>('input, button, select, textarea, [href], [tabindex]:not([tabindex="-1"])'),
  ].filter((el) => !el.hasAttribute('disabled') && !el.closest('[hidden]'));
  if (focusable.length === 0) {
    event.preventDefault();
    return;
  }
  const first = focusable[0]!;
  const last = focusable[focusable.length - 1]!;
  if (event.shiftKey && (document.activeElement === first || !container.contains(document.activeElement))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (document.activeElement === last || !container.contains(document.activeElement))) {
    event.preventDefault();
    first.focus();
  }
}
