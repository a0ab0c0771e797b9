import { cleanAlertName, cleanAnchor, type AlertMapping } from '../incident/alertMapping';

/**
 * Reads front matter `alerts:` in any of its written forms: a list of names (`[HighBanSyncLag]`), a comma
 * string, a map of name → `"#section"` (a null or empty value means the whole runbook), or a list mixing
 * names and one-key maps. Returns the mappings (first one wins for a repeated name) and whether anything
 * was unreadable, so the caller can warn.
 */
export function readAlertMappings(value: unknown): { alerts: AlertMapping[]; invalid: boolean } {
  const alerts: AlertMapping[] = [];
  const seen = new Set<string>();
  let invalid = false;
  const add = (rawName: unknown, rawAnchor: unknown) => {
    const name = cleanAlertName(rawName);
    if (name === undefined) {
      invalid = true;
      return;
    }
    if (rawAnchor !== undefined && rawAnchor !== null && rawAnchor !== '' && cleanAnchor(rawAnchor) === undefined) {
      invalid = true;
      return;
    }
    if (seen.has(name)) return;
    seen.add(name);
    const anchor = cleanAnchor(rawAnchor);
    alerts.push(anchor === undefined ? { name } : { name, anchor });
  };
  const addMap = (map: Record<string, unknown>) => {
    for (const [name, anchor] of Object.entries(map)) add(name, anchor);
  };

  if (value === undefined || value === null || value === '') return { alerts, invalid };
  if (typeof value === 'string') {
    for (const part of value.split(',')) if (part.trim() !== '') add(part, undefined);
  } else if (Array.isArray(value)) {
    for (const item of value as unknown[]) {
      if (isRecord(item)) addMap(item);
      else add(item, undefined);
    }
  } else if (isRecord(value)) {
    addMap(value);
  } else {
    invalid = true;
  }
  return { alerts, invalid };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
