import { parseArgs } from 'node:util';
import { copyTextOf } from '../../core/contacts/contactCopyText';
import type { ContactGroup, PhoneDetails } from '../../core/contacts/contactModel';
import { groupContacts } from '../../core/contacts/groupContacts';
import { choosePhoneRegion, normaliseRegion, regionOfLocale, type PhoneRegion } from '../../core/contacts/phoneRegion';
import { resolveContactRegions } from '../../core/contacts/resolveContactRegions';
import { escapeControlChars } from '../../core/terminal/escapeControlChars';
import { loadRunbookSet, RunbookSetUnreadable } from '../loadRunbookSet';
import { usageError } from '../usageError';

export const CONTACTS_USAGE = `Usage: runbook-reader contacts [DIR | --state DIR] [options]

Lists every emergency contact the app's contacts panel would show for the runbooks of DIR (default: the
current folder), or of the commit a "sync" or "import" state folder holds: grouped by team, on-call first,
phone numbers first, so a team can review its numbers in CI.

National phone numbers (written without +) are read in the runbook's "region:" front matter, else the
region given with --region, else this machine's locale (LC_ALL, LANG).

Options:
  --state DIR   list the contacts of the runbooks a state folder holds
  --region R    region for national numbers of runbooks without "region:" (two letters: GB, DE, US …)
  --json        print a JSON array of {team, name, kind, value, href, path, line, region, check}
  -h, --help    show this help

Exit status: 0 listed (an empty list included), 2 usage error or unreadable folder.`;

/** One contact, as `--json` prints it. */
export interface ContactJson {
  team: string;
  /** The label it was listed under in the runbook ("Secondary on-call"). */
  name: string;
  kind: string;
  value: string;
  /** `tel:`, `mailto:`, chat or paging link; null when it cannot be opened as written. */
  href: string | null;
  /** The runbook it was first found in, and the line (null for front matter). */
  path: string;
  line: number | null;
  /** For a national phone number: the region it was read in; null otherwise. */
  region: string | null;
  /** Why to check this number before trusting it; null when there is no doubt. */
  check: string | null;
}

export async function contactsCommand(argv: string[]): Promise<number> {
  let options: ReturnType<typeof readOptions>;
  try {
    options = readOptions(argv);
  } catch (error) {
    return usageError('contacts', (error as Error).message);
  }
  if (options.help) {
    process.stdout.write(`${CONTACTS_USAGE}\n`);
    return 0;
  }
  let set;
  try {
    set = await loadRunbookSet(options);
  } catch (error) {
    if (error instanceof RunbookSetUnreadable) return usageError('contacts', error.message);
    throw error;
  }
  const fallback = options.region
    ? ({ region: options.region, from: 'command line' } satisfies PhoneRegion)
    : choosePhoneRegion({ device: machineRegion() });
  const contacts = set.runbooks.flatMap((r) => r.meta.contacts ?? []);
  const groups = groupContacts(resolveContactRegions(contacts, () => fallback));
  const rows = groups.flatMap(rowsOf);
  process.stdout.write(options.json ? `${JSON.stringify(rows, null, 2)}\n` : describeGroups(groups, rows, fallback));
  return 0;
}

function rowsOf(group: ContactGroup): ContactJson[] {
  return group.entries.map((entry) => {
    const source = entry.sources[0];
    return {
      team: group.label,
      name: entry.labels[0] ?? group.label,
      kind: entry.kind,
      value: entry.value,
      href: entry.href ?? null,
      path: source?.path ?? '',
      line: source?.line ?? null,
      region: entry.phone?.region ?? null,
      check: checkOf(entry.phone),
    };
  });
}

function checkOf(phone: PhoneDetails | undefined): string | null {
  if (phone?.checkReason) return phone.checkReason;
  return phone?.needsRegion ? 'no region known: add "region:" to the runbook or pass --region' : null;
}

function describeGroups(groups: ContactGroup[], rows: ContactJson[], fallback: PhoneRegion | undefined): string {
  if (rows.length === 0) return 'No contacts found.\n';
  const out: string[] = [];
  let row = 0;
  for (const group of groups) {
    out.push(`${escapeControlChars(group.label)}${group.reachable ? '' : ' (no number, address or channel)'}`);
    for (const entry of group.entries) {
      const r = rows[row++]!;
      const copy = copyTextOf(entry);
      const parts = [`  ${r.kind.padEnd(7)} ${escapeControlChars(r.value)}`];
      if (r.href && r.kind !== 'email' && r.href !== copy) parts.push(escapeControlChars(r.href));
      if (entry.tier) parts.push(`(${escapeControlChars(entry.tier)})`);
      parts.push(`${escapeControlChars(r.path)}${r.line ? `:${r.line}` : ''}`);
      if (r.region) parts.push(`read as ${r.region}`);
      out.push(parts.join('  '));
      if (r.check) out.push(`          check this number: ${escapeControlChars(r.check)}`);
    }
  }
  out.push(
    '',
    fallback
      ? `Numbers without + or "region:" read as ${fallback.region} (${fallback.from === 'command line' ? '--region' : "this machine's locale"}).`
      : 'No --region and no region in this machine\'s locale: numbers without + or "region:" are not dialable.',
  );
  return `${out.join('\n')}\n`;
}

/** This machine's region, from the locale variables a shell sets (`en_GB.UTF-8`), else Node's own locale. */
function machineRegion(): string | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = process.env[name];
    if (!value || value === 'C' || value === 'POSIX') continue;
    const region = regionOfLocale(value.replace(/[.@].*$/, '').replace(/_/g, '-'));
    if (region) return region;
  }
  return regionOfLocale(Intl.DateTimeFormat().resolvedOptions().locale);
}

function readOptions(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      state: { type: 'string' },
      region: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { help: true, dir: '.', state: undefined, region: undefined, json: false };
  const [dir, ...extra] = positionals;
  if (extra.length > 0) throw new Error(`unexpected argument "${extra[0]}"`);
  if (dir !== undefined && values.state !== undefined) throw new Error('give either a folder or --state, not both');
  const region = values.region === undefined ? undefined : normaliseRegion(values.region);
  if (values.region !== undefined && !region)
    throw new Error(`--region must be a two-letter region code such as GB, DE or US, not "${values.region}"`);
  return { help: false, dir: dir ?? '.', state: values.state, region, json: values.json };
}
