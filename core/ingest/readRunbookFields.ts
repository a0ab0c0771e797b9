import type { IngestWarning } from '../model';

/** The front-matter keys of the runbook schema; anything else is kept as extra metadata. */
export const KNOWN_FIELDS = [
  'title',
  'summary',
  'tags',
  'area',
  'status',
  'owner',
  'version',
  'last_reviewed',
  'aliases',
] as const;

export interface RunbookFields {
  title?: string;
  summary?: string;
  tags: string[];
  area?: string;
  status?: string;
  owner?: string;
  version?: string;
  lastReviewed?: string;
  aliases: string[];
  extra: Record<string, unknown>;
  warnings: IngestWarning[];
}

/**
 * Reads the schema's fields from parsed front matter, forgiving the usual variations (tags as a list or a
 * comma string, dates as YAML dates or strings, versions written as numbers). A field of the wrong kind is
 * left out with a warning rather than guessed.
 */
export function readRunbookFields(data: Record<string, unknown> | undefined, raw = ''): RunbookFields {
  const fields: RunbookFields = { tags: [], aliases: [], extra: {}, warnings: [] };
  if (!data) return fields;
  const warn = (key: string, expected: string) =>
    fields.warnings.push({
      code: 'field-invalid',
      message: `Front matter "${key}" should be ${expected}; it is ignored.`,
      line: lineOfKey(raw, key),
    });

  for (const [key, value] of Object.entries(data)) {
    if (!(KNOWN_FIELDS as readonly string[]).includes(key)) {
      fields.extra[key] = toPlainValue(value);
    }
  }

  const text = (key: string): string | undefined => {
    const value = data[key];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value === 'string') return value.trim() || undefined;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    warn(key, 'text');
    return undefined;
  };

  fields.title = text('title');
  fields.summary = text('summary');
  fields.area = text('area');
  fields.owner = text('owner');
  const status = text('status');
  fields.status = status?.toLowerCase();
  fields.version = readVersion(data.version, raw) ?? (data.version === undefined ? undefined : text('version'));
  fields.tags = readList(data.tags, () => warn('tags', 'a list or a comma-separated string'));
  fields.aliases = readList(data.aliases, () => warn('aliases', 'a list or a comma-separated string'));

  if (data.last_reviewed !== undefined && data.last_reviewed !== null && data.last_reviewed !== '') {
    const date = readDate(data.last_reviewed);
    if (date) fields.lastReviewed = date;
    else warn('last_reviewed', 'a date such as 2026-02-03');
  }
  return fields;
}

function readList(value: unknown, onInvalid: () => void): string[] {
  if (value === undefined || value === null || value === '') return [];
  const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : undefined;
  if (!items) {
    onInvalid();
    return [];
  }
  const out: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string' && typeof item !== 'number') continue;
    const s = String(item).trim();
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}

/**
 * YAML reads `version: 1.0` as the number 1; the raw text keeps what the author wrote, so it is preferred.
 */
function readVersion(value: unknown, raw: string): string | undefined {
  if (typeof value !== 'number') return undefined;
  const match = /^version:[ \t]*["']?([^"'\n#]+?)["']?[ \t]*(#.*)?$/m.exec(raw);
  return match ? match[1] : String(value);
}

/** `YYYY-MM-DD` from a YAML date, an ISO string, or another string a Date can parse. */
export function readDate(value: unknown): string | undefined {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  }
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (iso) {
    const d = new Date(Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])));
    return d.getUTCDate() === Number(iso[3]) ? d.toISOString().slice(0, 10) : undefined;
  }
  const parsed = new Date(s);
  if (Number.isNaN(parsed.getTime())) return undefined;
  // A free-form date ("Feb 3, 2026") names a calendar day, so read it in local time, not UTC.
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
}

/** Dates become ISO strings so that extra metadata survives structured cloning and JSON alike. */
function toPlainValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toPlainValue);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlainValue(v)]));
  }
  return value;
}

/** 1-based file line of a top-level key in the front matter (which starts on line 2), when found. */
export function lineOfKey(raw: string, key: string): number | undefined {
  const lines = raw.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`${key}:`));
  return at === -1 ? undefined : at + 2;
}
