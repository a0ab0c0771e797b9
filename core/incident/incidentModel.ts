/** How bad it is, in the words most incident processes use. */
export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One incident the user started. Kept on this device until deleted. */
export interface Incident {
  /** Random id; also the key of its events. */
  id: string;
  name: string;
  alert?: string | undefined;
  severity: Severity;
  /** ISO timestamps. */
  startedAt: string;
  endedAt?: string | undefined;
  /** `open` while it runs (at most one at a time), `closed` after. Indexed. */
  state: 'open' | 'closed';
  /** Placeholder values for this incident; emptied when it is closed. Never synced or exported. */
  values: Record<string, string>;
}

export type IncidentEventKind = 'started' | 'opened' | 'bookmark' | 'ticked' | 'unticked' | 'variable' | 'note' | 'closed';

/** One line of an incident's timeline. */
export interface IncidentEvent {
  id?: number;
  incidentId: string;
  /** When it happened (for a note: the time the user gave, which may be earlier than when it was written). */
  at: string;
  kind: IncidentEventKind;
  /** What happened, in words (a step's text, a note, a runbook title, a variable's name). */
  text: string;
  sourceId?: string | undefined;
  path?: string | undefined;
  anchor?: string | undefined;
  /** The source's commit (or bundle version) of the runbook read, for `opened`. */
  commit?: string | undefined;
  /** When a note was written, if its `at` was set earlier. */
  writtenAt?: string | undefined;
}
