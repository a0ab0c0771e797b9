import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import './sourceCardSetting.css';

/** The state of one setting edited on a Sources card: closed or open, its error, and the message after a save. */
export interface SourceCardSettingEditor {
  editing: boolean;
  error: string | undefined;
  setError: (error: string | undefined) => void;
  saved: string | undefined;
  changeButton: RefObject<HTMLButtonElement | null>;
  startEditing: () => void;
  stopEditing: () => void;
  /** Closes the form after a save and says what the save did. */
  finishEditing: (message: string) => void;
}

/**
 * Opens and closes a card setting's form. `fillForm` puts the saved value in the form as it opens, so an
 * earlier cancelled edit does not linger.
 */
export function useSourceCardSetting(fillForm: () => void): SourceCardSettingEditor {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  // After Save or Cancel the form goes away: focus goes back to the button that opened it, not to the page.
  const changeButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (editing || !returnFocus.current) return;
    returnFocus.current = false;
    changeButton.current?.focus();
  }, [editing]);

  function stopEditing() {
    returnFocus.current = true;
    setEditing(false);
  }

  return {
    editing,
    error,
    setError,
    saved,
    changeButton,
    startEditing() {
      fillForm();
      setError(undefined);
      setSaved(undefined);
      setEditing(true);
    },
    stopEditing,
    finishEditing(message) {
      stopEditing();
      setSaved(message);
    },
  };
}

/** A card setting while closed: what it is now, the button that opens its form, and what the last save did. */
export function SourceCardSettingSummary({
  className,
  changeButton,
  changeLabel,
  changeText,
  onChange,
  saved,
  children,
}: {
  className: string;
  changeButton: RefObject<HTMLButtonElement | null>;
  changeLabel: string;
  changeText: string;
  onChange: () => void;
  saved: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={`rr-source-setting ${className}`}>
      <p>{children}</p>
      <button ref={changeButton} type="button" className="rr-button" onClick={onChange} aria-label={changeLabel}>
        {changeText}
      </button>
      {saved && (
        <p className="rr-muted rr-source-setting-saved" role="status">
          {saved}
        </p>
      )}
    </div>
  );
}

/** The Save and Cancel buttons of a card setting's form. */
export function SourceCardSettingButtons({ onCancel }: { onCancel: () => void }) {
  return (
    <>
      <button type="submit" className="rr-button rr-button-primary">
        Save
      </button>
      <button type="button" className="rr-button" onClick={onCancel}>
        Cancel
      </button>
    </>
  );
}
