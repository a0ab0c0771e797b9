import { useMemo } from 'react';
import { splitPlaceholders } from '../../core/incident/fillPlaceholders';
import type { RunbookVariable } from '../../core/incident/runbookVariable';
import type { RunbookMeta } from '../../core/model';
import { IncidentValues } from './IncidentValues';
import { useOpenIncident } from './useOpenIncident';
import './incident.css';

/**
 * On a runbook page during an incident: the runbook's placeholders (declared ones with their descriptions,
 * and every `{{name}}` in its text) with this incident's values, folded under one line that says how many
 * are filled. Nothing when no incident is open or the runbook has no placeholders.
 */
export function RunbookIncidentValues({ meta, markdown }: { meta: Pick<RunbookMeta, 'variables'>; markdown: string }) {
  const incident = useOpenIncident();
  const { variables, writtenAs } = useMemo(() => {
    const found = new Map<string, RunbookVariable>((meta.variables ?? []).map((v) => [v.name, v]));
    // Each placeholder labelled as the runbook writes it (`<USER_ID>` or `{{cluster}}`), first form found.
    const written = new Map<string, string>();
    for (const piece of splitPlaceholders(markdown, new Set(found.keys()))) {
      if (piece.kind !== 'placeholder') continue;
      if (!found.has(piece.name)) found.set(piece.name, { name: piece.name });
      if (!written.has(piece.name)) written.set(piece.name, piece.raw.startsWith('<') ? piece.raw : `{{${piece.name}}}`);
    }
    return { variables: [...found.values()], writtenAs: written };
  }, [meta.variables, markdown]);
  if (!incident || variables.length === 0) return null;
  const filled = variables.filter((v) => (incident.values[v.name] ?? '') !== '').length;
  return (
    <details className="rr-runbook-incident-values" open={filled < variables.length}>
      <summary>
        Values for incident “{incident.name}”: {filled} of {variables.length} filled
      </summary>
      <IncidentValues incident={incident} variables={variables} writtenAs={writtenAs} />
    </details>
  );
}
