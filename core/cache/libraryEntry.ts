import { alertKey } from '../incident/alertMapping';

/**
 * What the library shows of a cached runbook (schema version 5): a few short fields, so that drawing the
 * library on a phone never reads headings, links, contacts or warnings of every runbook. The fields mean
 * what they mean on `CachedRunbook`.
 */
export interface LibraryEntry {
  sourceId: string;
  path: string;
  title: string;
  summary?: string;
  status?: string;
  changeMark?: 'added' | 'updated' | undefined;
  removedFromSource?: string;
  /**
   * The alerts the runbook answers (front matter `alerts:`), as `alertKey`s, for the multi-entry index
   * (schema version 7) that finds an alert's runbooks without reading every record. Absent when none.
   */
  alertKeys?: string[];
}

/** The library's fields of a cached runbook (any extra fields it has are left behind). */
export function toLibraryEntry(runbook: LibraryEntry & { alerts?: readonly { name: string }[] | undefined }): LibraryEntry {
  const { sourceId, path, title, summary, status, changeMark, removedFromSource, alerts } = runbook;
  const entry: LibraryEntry = { sourceId, path, title };
  if (summary !== undefined) entry.summary = summary;
  if (status !== undefined) entry.status = status;
  if (changeMark !== undefined) entry.changeMark = changeMark;
  if (removedFromSource !== undefined) entry.removedFromSource = removedFromSource;
  if (alerts && alerts.length > 0) entry.alertKeys = [...new Set(alerts.map((alert) => alertKey(alert.name)))];
  return entry;
}
