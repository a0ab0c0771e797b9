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

  // Built with fromEntries so that a key such as `__proto__` stays an ordinary field instead of replacing the prototype.
  fields.extra = Object.fromEntries(
    Object.entries(data)
      .filter(([key]) => !(KNOWN_FIELDS as readonly string[]).includes(key))
      .map(([key, value]) => [key, toPlainValue(value)]),
  );

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
    // YAML rolls impossible dates over (2026-02-30 becomes 2026-03-02) and moves timestamps to UTC, so a
    // YAML date is read again from the text the author wrote.
    const written = data.last_reviewed instanceof Date ? rawScalar(raw, 'last_reviewed') : undefined;
    const date = readDate(written ?? data.last_reviewed);
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
  return rawScalar(raw, 'version') ?? String(value);
}

/** The value of a top-level `key: value` line exactly as written (without quotes or a trailing comment). */
function rawScalar(raw: string, key: string): string | undefined {
  const match = new RegExp(`^${key}:[ \\t]*["']?([^"'\\n#]+?)["']?[ \\t]*(#.*)?$`, 'm').exec(raw);
  return match?.[1];
}

/** `YYYY-MM-DD` from a YAML date, an ISO string (`2026-02-03`, `2026/2/3`), or a date with a month name. */
export function readDate(value: unknown): string | undefined {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  }
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  const iso = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:$|[T ])/.exec(s);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[3]), Number(iso[4])];
    const d = new Date(Date.UTC(year, month - 1, day));
    const real = d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
    return real ? d.toISOString().slice(0, 10) : undefined;
  }
  // V8 reads almost any text with a number as a date ("step 1" is 2001-01-01) and rolls "Feb 30" over into
  // March, and "02/03/2026" means a different day in Europe. So a free-form date must name its year, its
  // month by name and its day, and the parsed date must have exactly those.
  const year = /(?:^|\D)(\d{4})(?:\D|$)/.exec(s);
  const month = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\b|$)/i.exec(s);
  if (!year || !month) return undefined;
  const parsed = new Date(s);
  if (Number.isNaN(parsed.getTime())) return undefined;
  const otherNumbers = (s.replace(year[1]!, ' ').match(/\d+/g) ?? []).map(Number);
  if (
    parsed.getFullYear() !== Number(year[1]) ||
    parsed.getMonth() !== MONTH_PREFIXES.indexOf(month[1]!.toLowerCase()) ||
    !otherNumbers.includes(parsed.getDate())
  ) {
    return undefined;
  }
  // A free-form date ("Feb 3, 2026") names a calendar day, so read it in local time, not UTC.
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
}

const MONTH_PREFIXES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

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
