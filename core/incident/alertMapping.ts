/** One alert a runbook answers, optionally at one of its sections. */
export interface AlertMapping {
  /** The alert's name as the alerting system writes it (`HighBanSyncLag`). */
  name: string;
  /** Heading anchor without `#`, when the mapping names a section. */
  anchor?: string | undefined;
}

/** Longer than any real alert name; a longer one is refused rather than stored. */
export const MAX_ALERT_NAME_LENGTH = 200;

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/** The name as stored and compared, or undefined when it cannot be an alert name. */
export function cleanAlertName(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const name = String(value).trim();
  if (name === '' || name.length > MAX_ALERT_NAME_LENGTH || CONTROL_CHARACTER.test(name)) return undefined;
  return name;
}

/** `"#ban-sync-lag"` or `"ban-sync-lag"` → `ban-sync-lag`; empty or non-text → undefined. */
export function cleanAnchor(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const anchor = value.trim().replace(/^#/, '').trim();
  return anchor === '' || CONTROL_CHARACTER.test(anchor) ? undefined : anchor;
}

/** Alert names compare without regard to case: `highbansynclag` in a URL still finds `HighBanSyncLag`. */
export function alertKey(name: string): string {
  return name.trim().toLowerCase();
}
