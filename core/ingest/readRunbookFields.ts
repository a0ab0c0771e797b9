import type { AlertMapping } from '../incident/alertMapping';
import type { RunbookVariable } from '../incident/runbookVariable';
import type { IngestWarning } from '../model';
import { readAlertMappings } from './readAlertMappings';
import { readRunbookVariables } from './readRunbookVariables';

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
  'alerts',
  'variables',
] as const;

/** A field the front matter does not give (or gives unreadably) is undefined. */
export interface RunbookFields {
  title?: string | undefined;
  summary?: string | undefined;
  tags: string[];
  area?: string | undefined;
  status?: string | undefined;
  owner?: string | undefined;
  version?: string | undefined;
  lastReviewed?: string | undefined;
  aliases: string[];
  /** Alerts this runbook answers (front matter `alerts:`). */
  alerts: AlertMapping[];
  /** Placeholders this runbook declares (front matter `variables:`). */
  variables: RunbookVariable[];
  extra: Record<string, unknown>;
  warnings: IngestWarning[];
}

/**
 * Reads the schema's fields from parsed front matter, forgiving the usual variations (tags as a list or a
 * comma string, dates as YAML dates or strings, versions written as numbers). A field of the wrong kind is
 * left out with a warning rather than guessed.
 */
export function readRunbookFields(data: Record<string, unknown> | undefined, raw = ''): RunbookFields {
  const fields: RunbookFields = { tags: [], aliases: [], alerts: [], variables: [], extra: {}, warnings: [] };
  if (!data) return fields;
  const warn = (key: string, expected: string) =>
    fields.warnings.push({
      code: 'field-invalid',
      message: `Front matter "${key}" should be ${expected}; it is ignored.`,
      line: lineOfKey(raw, key),
    });

  // Built with fromEntries so that a key such as `__proto__` stays an ordinary field instead of replacing the prototype.
  fields.extra = toPlainValue(
    Object.fromEntries(Object.entries(data).filter(([key]) => !(KNOWN_FIELDS as readonly string[]).includes(key))),
  ) as Record<string, unknown>;

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
  const alerts = readAlertMappings(data.alerts);
  fields.alerts = alerts.alerts;
  if (alerts.invalid) warn('alerts', 'a list of alert names or a map of alert name to "#section" (unreadable entries)');
  const variables = readRunbookVariables(data.variables);
  fields.variables = variables.variables;
  if (variables.invalid) warn('variables', 'a map of placeholder name to {description, example} (unreadable entries)');

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
  const out = new Set<string>();
  for (const item of items) {
    if (typeof item !== 'string' && typeof item !== 'number') continue;
    const s = String(item).trim();
    if (s) out.add(s);
  }
  return [...out];
}

/**
 * YAML reads `version: 1.0` as the number 1; the raw text keeps what the author wrote, so it is preferred.
 */
function readVersion(value: unknown, raw: string): string | undefined {
  if (typeof value !== 'number') return undefined;
  return rawScalar(raw, 'version') ?? String(value);
}

/**
 * The value of the first top-level `key: value` line exactly as written (without quotes or a trailing
 * comment). Read by hand in one pass: a pattern with nested optional parts took 20 s on a 64 KB line.
 */
function rawScalar(raw: string, key: string): string | undefined {
  const prefix = `${key}:`;
  for (let start = 0; start < raw.length;) {
    const end = raw.indexOf('\n', start) === -1 ? raw.length : raw.indexOf('\n', start);
    if (raw.startsWith(prefix, start)) return scalarAsWritten(raw.slice(start + prefix.length, end));
    start = end + 1;
  }
  return undefined;
}

/** `  '1.0'  # note` → `1.0`; undefined when the value is empty or holds quotes or `#` of its own. */
function scalarAsWritten(afterColon: string): string | undefined {
  const commentAt = afterColon.search(/(?:^|[ \t])#/);
  let value = (commentAt === -1 ? afterColon : afterColon.slice(0, commentAt)).trim();
  if (/^["']/.test(value)) value = value.slice(1);
  if (/["']$/.test(value)) value = value.slice(0, -1);
  value = value.trim();
  return value !== '' && !/["'#]/.test(value) ? value : undefined;
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

/**
 * A copy of parsed front matter that is plain data: dates become ISO strings, arrays and objects are
 * rebuilt as plain ones (keys such as `__proto__` stay own fields), and anything else that is not text, a
 * number, a boolean or null (a function, a class instance) is left out. Iterative, so nesting depth cannot
 * overflow the stack.
 */
function toPlainValue(value: unknown): unknown {
  const holder: { value?: unknown } = {};
  const pending: { from: unknown; into: Record<string, unknown> | unknown[]; key: string | number }[] = [
    { from: value, into: holder, key: 'value' },
  ];
  while (pending.length > 0) {
    const { from, into, key } = pending.pop()!;
    let copy: unknown;
    if (from instanceof Date) copy = Number.isNaN(from.getTime()) ? null : from.toISOString();
    else if (from === null || typeof from === 'string' || typeof from === 'boolean' || typeof from === 'number') copy = from;
    else if (Array.isArray(from)) {
      const list: unknown[] = [];
      // Pushed last to first, so that each copy receives its items (and keys below) in their written order.
      for (let i = from.length - 1; i >= 0; i--) pending.push({ from: from[i] as unknown, into: list, key: i });
      copy = list;
    } else if (isPlainObject(from)) {
      const object: Record<string, unknown> = {};
      const entries = Object.entries(from);
      for (let i = entries.length - 1; i >= 0; i--) pending.push({ from: entries[i]![1], into: object, key: entries[i]![0] });
      copy = object;
    } else if (Array.isArray(into)) copy = null;
    else continue;
    if (Array.isArray(into)) into[key as number] = copy;
    else Object.defineProperty(into, key, { value: copy, enumerable: true, writable: true, configurable: true });
  }
  return holder.value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** 1-based file line of a top-level key in the front matter (which starts on line 2), when found. */
export function lineOfKey(raw: string, key: string): number | undefined {
  const lines = raw.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`${key}:`));
  return at === -1 ? undefined : at + 2;
}
