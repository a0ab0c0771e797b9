import { classifyContactUrl, slackChannelHref } from './contactLinks';
import type { ContactKind, ContactOptions, PhoneDetails } from './contactModel';
import { findContactPoints } from './findContactPoints';
import { readPhoneNumber } from './normalisePhoneNumber';
import { parseContactLine } from './parseContactLine';

/** One contact from front matter; the label is absent when the item names no team or role. */
export interface FrontMatterContact {
  label?: string;
  kind: ContactKind;
  value: string;
  href?: string | undefined;
  via?: string | undefined;
  note?: string | undefined;
  phone?: PhoneDetails | undefined;
}

export interface FrontMatterContacts {
  contacts: FrontMatterContact[];
  /** One plain sentence per item or value that was ignored, for showing as a runbook warning. */
  problems: string[];
}

const LABEL_KEYS = ['name', 'role', 'team', 'label', 'title', 'who'];
const NOTE_KEYS = ['note', 'notes', 'hours', 'availability', 'response', 'sla'];
const PHONE_KEYS = ['phone', 'tel', 'telephone', 'mobile', 'cell', 'hotline'];
const EMAIL_KEYS = ['email', 'e-mail', 'mail'];
const CHAT_KEYS = ['slack', 'chat', 'channel', 'teams'];
const PAGING_KEYS = ['pagerduty', 'opsgenie', 'pager', 'paging', 'escalation_policy', 'policy'];
const LINK_KEYS = ['url', 'link', 'href'];

/**
 * Reads an optional front-matter `contacts` value (ingest keeps it in `meta.extra.contacts`). Accepts what
 * people write: a list of objects such as `{name: On-call, phone: …, email: …, slack: '#…', pagerduty: …}`,
 * a list of plain lines (`"Security Team: security@clpr.tv, +1 555 010 2233"`), a map of label → line, or a
 * single one of those. Anything else is skipped with a problem message; nothing here throws.
 */
export function readFrontMatterContacts(value: unknown, options: ContactOptions = {}): FrontMatterContacts {
  const out: FrontMatterContacts = { contacts: [], problems: [] };
  if (value === undefined || value === null || value === '') return out;
  const items = Array.isArray(value) ? value : isRecord(value) && !hasAnyKey(value, allKnownKeys()) ? mapEntries(value) : [value];
  items.forEach((item, index) => readItem(item, `contacts item ${index + 1}`, options, out));
  return out;
}

function allKnownKeys(): string[] {
  return [...LABEL_KEYS, ...NOTE_KEYS, ...PHONE_KEYS, ...EMAIL_KEYS, ...CHAT_KEYS, ...PAGING_KEYS, ...LINK_KEYS];
}

/** `{ "Security Team": "security@…" }` → `[{ name: "Security Team", line: "security@…" }]`. */
function mapEntries(map: Record<string, unknown>): unknown[] {
  return Object.entries(map).map(([label, v]) => (isRecord(v) ? { name: label, ...v } : { name: label, lines: v }));
}

function readItem(item: unknown, where: string, options: ContactOptions, out: FrontMatterContacts): void {
  if (typeof item === 'string') {
    readLine(item, undefined, where, options, out);
    return;
  }
  if (typeof item === 'number') {
    readPhone(item, undefined, undefined, where, options, out);
    return;
  }
  if (!isRecord(item)) {
    out.problems.push(`Front matter ${where} is not a contact (expected text or a list of fields); it is ignored.`);
    return;
  }
  const fields = lowerKeys(item);
  const label = firstText(fields, LABEL_KEYS);
  const note = firstText(fields, NOTE_KEYS);
  const before = out.contacts.length;
  const problemsBefore = out.problems.length;
  for (const key of PHONE_KEYS) for (const v of values(fields[key])) readPhone(v, label, note, where, options, out);
  for (const key of EMAIL_KEYS) for (const v of values(fields[key])) readEmail(v, label, note, where, out);
  for (const key of CHAT_KEYS) for (const v of values(fields[key])) readChat(v, key, label, note, where, options, out);
  for (const key of PAGING_KEYS) for (const v of values(fields[key])) readPaging(v, key, label, note, out);
  for (const key of LINK_KEYS) for (const v of values(fields[key])) readLink(v, label, note, where, out);
  for (const v of values(fields.lines)) if (typeof v === 'string') readLine(v, label, where, options, out);
  if (out.contacts.length === before) {
    if (label) out.contacts.push(withOptional({ label, kind: 'role', value: label }, { note }));
    else if (out.problems.length === problemsBefore) {
      out.problems.push(`Front matter ${where} has no name and no phone, email, chat or paging field; it is ignored.`);
    }
  }
}

function readLine(line: string, label: string | undefined, where: string, options: ContactOptions, out: FrontMatterContacts): void {
  const parsed = parseContactLine(line, options);
  if (parsed.contacts.length === 0) {
    if (label) out.contacts.push({ label, kind: 'role', value: line.trim() || label });
    else out.problems.push(`Front matter ${where} ("${line.slice(0, 60)}") has no phone, email, chat or paging contact; it is ignored.`);
    return;
  }
  for (const c of parsed.contacts) {
    const contact = withOptional(
      { kind: c.kind, value: c.value },
      { label: parsed.label ?? label, href: c.href, via: c.via, note: parsed.note },
    );
    if (c.phone) contact.phone = c.phone;
    out.contacts.push(contact);
  }
}

function readPhone(
  v: unknown,
  label: string | undefined,
  note: string | undefined,
  where: string,
  options: ContactOptions,
  out: FrontMatterContacts,
) {
  if (typeof v !== 'string' && typeof v !== 'number') return;
  const reading = readPhoneNumber(v, { assumePhone: true, region: options.region });
  if (!reading) {
    out.problems.push(`Front matter ${where}: "${String(v).slice(0, 40)}" is not a phone number; it is ignored.`);
    return;
  }
  const { href, ...phone } = reading;
  const contact: FrontMatterContact = withOptional({ kind: 'phone', value: String(v).trim() }, { label, note, href });
  if (Object.keys(phone).length > 0) contact.phone = phone;
  out.contacts.push(contact);
}

function readEmail(v: unknown, label: string | undefined, note: string | undefined, where: string, out: FrontMatterContacts) {
  if (typeof v !== 'string') return;
  const address = v.trim().replace(/^mailto:/i, '');
  const found = findContactPoints(address).find((p) => p.kind === 'email');
  if (!found || found.value !== address) {
    out.problems.push(`Front matter ${where}: "${address.slice(0, 60)}" is not an email address; it is ignored.`);
    return;
  }
  out.contacts.push(withOptional({ kind: 'email', value: address, href: `mailto:${address}` }, { label, note }));
}

function readChat(
  v: unknown,
  key: string,
  label: string | undefined,
  note: string | undefined,
  where: string,
  options: ContactOptions,
  out: FrontMatterContacts,
) {
  if (typeof v !== 'string' || !v.trim()) return;
  const text = v.trim();
  const link = classifyContactUrl(text);
  if (link) {
    out.contacts.push(withOptional({ kind: link.kind, value: text, href: text }, { label, note, via: link.via }));
    return;
  }
  if (!/^#?[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(text)) {
    out.problems.push(`Front matter ${where}: "${text.slice(0, 60)}" is not a chat channel; it is ignored.`);
    return;
  }
  const channel = text.startsWith('#') ? text : `#${text}`;
  const via = key === 'teams' ? 'Microsoft Teams' : 'Slack';
  const href = via === 'Slack' ? slackChannelHref(channel, options.slackWorkspace) : undefined;
  out.contacts.push(withOptional({ kind: 'chat', value: channel, via }, { label, note, href }));
}

function readPaging(v: unknown, key: string, label: string | undefined, note: string | undefined, out: FrontMatterContacts) {
  if (typeof v !== 'string' || !v.trim()) return;
  const text = v.trim();
  const link = classifyContactUrl(text);
  const via = link?.via ?? (key === 'opsgenie' ? 'Opsgenie' : key === 'pagerduty' ? 'PagerDuty' : undefined);
  out.contacts.push(withOptional({ kind: 'paging', value: text }, { label, note, via, href: link ? text : undefined }));
}

function readLink(v: unknown, label: string | undefined, note: string | undefined, where: string, out: FrontMatterContacts) {
  if (typeof v !== 'string') return;
  const link = classifyContactUrl(v.trim());
  if (!link || link.kind === 'phone' || link.kind === 'email') {
    out.problems.push(`Front matter ${where}: "${v.slice(0, 60)}" is not a chat or paging link; it is ignored.`);
    return;
  }
  out.contacts.push(withOptional({ kind: link.kind, value: v.trim(), href: v.trim() }, { label, note, via: link.via }));
}

function withOptional(
  contact: FrontMatterContact,
  optional: Partial<Record<'label' | 'href' | 'via' | 'note', string | undefined>>,
): FrontMatterContact {
  for (const [k, v] of Object.entries(optional)) if (v !== undefined && v !== '') (contact as unknown as Record<string, string>)[k] = v;
  return contact;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hasAnyKey(record: Record<string, unknown>, keys: string[]): boolean {
  return Object.keys(record).some((k) => keys.includes(k.toLowerCase()));
}

function lowerKeys(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).map(([k, v]) => [
      k
        .toLowerCase()
        .replace(/[\s-]+/g, '_')
        .replace(/^e_mail$/, 'e-mail'),
      v,
    ]),
  );
}

function values(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

function firstText(record: Record<string, unknown>, keys: string[]): string | undefined {
  for (const key of keys) {
    const v = record[key];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return undefined;
}
