import { useId, useState, type FormEvent } from 'react';
import { normaliseRegion } from '../../core/contacts/phoneRegion';
import type { SourceRecord } from '../../core/model';
import { useServices } from '../app/appServices';
import { deviceRegion } from '../contacts/deviceRegion';
import { SourceCardSettingButtons, SourceCardSettingSummary, useSourceCardSetting } from './SourceCardSetting';
import './sourceRegion.css';

/**
 * A source's phone region (for national numbers in its runbooks that set no `region:` of their own),
 * shown on its card and editable there. Contacts are read in the region when shown, so a change takes
 * effect at once, without a sync.
 */
export function SourceRegionSetting({ source }: { source: SourceRecord }) {
  const { db } = useServices();
  const [value, setValue] = useState('');
  const { editing, error, setError, saved, changeButton, startEditing, stopEditing, finishEditing } = useSourceCardSetting(() =>
    setValue(source.region ?? ''),
  );
  const inputId = useId();
  const errorId = useId();
  const device = deviceRegion();

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
    finishEditing(
      region
        ? `Saved. Numbers written without + are now read as ${region} numbers.`
        : `Cleared. Numbers written without + are now read in ${device ? `this device’s region (${device})` : 'no region'}.`,
    );
  }

  if (!editing) {
    return (
      <SourceCardSettingSummary
        className="rr-source-region"
        changeButton={changeButton}
        onChange={startEditing}
        saved={saved}
        changeLabel={`Change the phone region of ${source.name}`}
        changeText={source.region ? 'Change' : 'Set'}
      >
        Phone region:{' '}
        {source.region ? (
          <strong>{source.region}</strong>
        ) : (
          <span className="rr-muted">not set{device ? ` (this device’s region, ${device}, is used)` : ''}</span>
        )}{' '}
        <span className="rr-muted rr-source-region-why">
          · for numbers written without + in runbooks with no <code>region:</code> of their own
        </span>
      </SourceCardSettingSummary>
    );
  }

  return (
    <form className="rr-source-setting rr-source-region rr-source-region-editing" onSubmit={(e) => void save(e)} noValidate>
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
      <SourceCardSettingButtons onCancel={stopEditing} />
      <p className="rr-muted rr-source-region-hint">Two letters (GB, DE, US); leave empty to use this device’s region.</p>
      {error && (
        <p id={errorId} className="rr-notice rr-notice-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
