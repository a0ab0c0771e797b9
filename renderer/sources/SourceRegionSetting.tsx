import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { normaliseRegion } from '../../core/contacts/phoneRegion';
import type { SourceRecord } from '../../core/model';
import { useServices } from '../app/appServices';
import { deviceRegion } from '../contacts/deviceRegion';
import './sourceRegion.css';

/**
 * A source's phone region (for national numbers in its runbooks that set no `region:` of their own),
 * shown on its card and editable there. Contacts are read in the region when shown, so a change takes
 * effect at once, without a sync.
 */
export function SourceRegionSetting({ source }: { source: SourceRecord }) {
  const { db } = useServices();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const inputId = useId();
  const errorId = useId();
  const device = deviceRegion();
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

  function startEditing() {
    setValue(source.region ?? '');
    setError(undefined);
    setSaved(undefined);
    setEditing(true);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const typed = value.trim();
    const region = normaliseRegion(typed);
    // What was typed stays in the box, so a slip can be corrected rather than retyped.
    if (typed && !region) {
      setError(`“${typed}” is not a region code: use two letters, such as GB, DE or US.`);
      return;
    }
    try {
      await db.sources.update(source.id, { region });
    } catch (e) {
      setError(`The region could not be saved: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    stopEditing();
    setSaved(
      region
        ? `Saved. Numbers written without + are now read as ${region} numbers.`
        : `Cleared. Numbers written without + are now read in ${device ? `this device’s region (${device})` : 'no region'}.`,
    );
  }

  if (!editing) {
    return (
      <div className="rr-source-region">
        <p>
          Phone region:{' '}
          {source.region ? (
            <strong>{source.region}</strong>
          ) : (
            <span className="rr-muted">not set{device ? ` (this device’s region, ${device}, is used)` : ''}</span>
          )}{' '}
          <span className="rr-muted rr-source-region-why">
            · for numbers written without + in runbooks with no <code>region:</code> of their own
          </span>
        </p>
        <button
          ref={changeButton}
          type="button"
          className="rr-button"
          onClick={startEditing}
          aria-label={`Change the phone region of ${source.name}`}
        >
          {source.region ? 'Change' : 'Set'}
        </button>
        {saved && (
          <p className="rr-muted rr-source-region-saved" role="status">
            {saved}
          </p>
        )}
      </div>
    );
  }

  return (
    <form className="rr-source-region rr-source-region-editing" onSubmit={(e) => void save(e)} noValidate>
      <label htmlFor={inputId}>Phone region</label>
      <input
        id={inputId}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        placeholder={device ?? 'GB'}
        maxLength={2}
        size={3}
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="characters"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        // The person just asked to edit this one field.
        autoFocus
        onKeyDown={(e) => {
          if (e.key === 'Escape') stopEditing();
        }}
      />
      <button type="submit" className="rr-button rr-button-primary">
        Save
      </button>
      <button type="button" className="rr-button" onClick={stopEditing}>
        Cancel
      </button>
      <p className="rr-muted rr-source-region-hint">Two letters (GB, DE, US); leave empty to use this device’s region.</p>
      {error && (
        <p id={errorId} className="rr-notice rr-notice-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
