import { useMemo } from 'react';
import { splitPlaceholders } from '../../core/incident/fillPlaceholders';
import type { RunbookVariable } from '../../core/incident/runbookVariable';
import type { RunbookMeta } from '../../core/model';
import { IncidentValues } from './IncidentValues';
import { useOpenIncident } from './useOpenIncident';
import './incident.css';

const NO_NAMES: ReadonlySet<string> = new Set();

/**
 * On a runbook page during an incident: the runbook's placeholders (declared ones with their descriptions,
 * and every `{{name}}` in its text) with this incident's values, folded under one line that says how many
 * are filled. Nothing when no incident is open or the runbook has no placeholders.
 */
export function RunbookIncidentValues({ meta, markdown }: { meta: Pick<RunbookMeta, 'variables'>; markdown: string }) {
  const incident = useOpenIncident();
  const variables = useMemo(() => {
    const found = new Map<string, RunbookVariable>((meta.variables ?? []).map((v) => [v.name, v]));
    for (const piece of splitPlaceholders(markdown, NO_NAMES)) {
      if (piece.kind === 'placeholder' && !found.has(piece.name)) found.set(piece.name, { name: piece.name });
    }
    return [...found.values()];
  }, [meta.variables, markdown]);
  if (!incident || variables.length === 0) return null;
  const filled = variables.filter((v) => (incident.values[v.name] ?? '') !== '').length;
  return (
    <details className="rr-runbook-incident-values" open={filled < variables.length}>
      <summary>
        Values for incident “{incident.name}”: {filled} of {variables.length} filled
      </summary>
      <IncidentValues incident={incident} variables={variables} />
    </details>
  );
}
