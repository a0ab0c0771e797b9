import { useState } from 'react';
import type { Incident } from '../../core/incident/incidentModel';
import { setIncidentValue } from '../../core/incident/incidentStore';
import type { RunbookVariable } from '../../core/incident/runbookVariable';
import { isVariableName } from '../../core/incident/runbookVariable';
import { db } from '../app/database';
import { saveUserData } from '../app/userDataWrites';

interface Props {
  incident: Incident;
  /** Placeholders to offer (with descriptions when a runbook declares them); set values are always shown. */
  variables: readonly RunbookVariable[];
  /** Whether to offer a field for a placeholder not listed. */
  allowOther?: boolean | undefined;
  /** Placeholders as the runbook writes them (`<USER_ID>`); others are shown as `{{name}}`. */
  writtenAs?: ReadonlyMap<string, string> | undefined;
}

/**
 * This incident's placeholder values: one field per placeholder, saved when the field is left or Enter is
 * pressed. Values stay in this device's database and are cleared when the incident is closed.
 */
export function IncidentValues({ incident, variables, allowOther = false, writtenAs }: Props) {
  const known = new Map(variables.map((v) => [v.name, v]));
  const [other, setOther] = useState('');
  const [added, setAdded] = useState<string[]>([]);
  for (const name of [...Object.keys(incident.values), ...added]) if (!known.has(name)) known.set(name, { name });
  const otherValid = isVariableName(other.trim().replace(/^\{\{\s*|\s*\}\}$/g, ''));

  return (
    <div className="rr-incident-values">
      {known.size === 0 && !allowOther && <p className="rr-incident-hint">This runbook has no placeholders to fill.</p>}
      {[...known.values()].map((v) => (
        <ValueField key={`${incident.id}|${v.name}`} incident={incident} variable={v} written={writtenAs?.get(v.name)} />
      ))}
      {allowOther && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!otherValid) return;
            const name = other.trim().replace(/^\{\{\s*|\s*\}\}$/g, '');
            setAdded((names) => [...names, name]);
            setOther('');
          }}
        >
          <label>
            Another placeholder
            <span className="rr-incident-hint">Its name as written in code, e.g. cluster for {'{{cluster}}'}</span>
            <input value={other} onChange={(e) => setOther(e.target.value)} autoComplete="off" spellCheck={false} />
          </label>
          <button type="submit" className="rr-button" disabled={!otherValid}>
            Add placeholder
          </button>
        </form>
      )}
    </div>
  );
}

function ValueField({ incident, variable, written }: { incident: Incident; variable: RunbookVariable; written?: string | undefined }) {
  const saved = incident.values[variable.name] ?? '';
  const [draft, setDraft] = useState(saved);
  const save = () => {
    if (draft !== saved) saveUserData('the value', setIncidentValue(db, incident.id, variable.name, draft));
  };
  return (
    <label>
      <span>
        <code>{written ?? `{{${variable.name}}}`}</code>
        {variable.description ? <span className="rr-incident-hint"> {variable.description}</span> : null}
      </span>
      <input
        className="rr-value-input"
        value={draft}
        placeholder={variable.example ? `e.g. ${variable.example}` : 'value for this incident'}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            save();
          }
        }}
        autoComplete="off"
        spellCheck={false}
        aria-label={`Value of ${variable.name}`}
      />
    </label>
  );
}
