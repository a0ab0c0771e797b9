import { parseArgs } from 'node:util';
import { DEFAULT_MAX_AGE_DAYS } from '../../core/check/checkOptions';
import { isCalendarDate, localCalendarDate } from '../../core/runbook/reviewAge';

export const CHECK_FORMATS = ['text', 'json', 'github'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export interface CheckArguments {
  dir: string;
  format: CheckFormat;
  maxAgeDays: number;
  strict: boolean;
  today: string;
  cache: boolean;
  help: boolean;
  /** Alert rule files or globs (`--alert-rules`), checked against the runbooks' alerts. */
  alertRules: string[];
}

export const CHECK_USAGE = `Usage: runbook-reader check [DIR] [options]

Checks every Markdown runbook under DIR (default: the current folder) the way the reader
ingests them: front matter, links and anchors between runbooks, images, review dates, contacts.

Options:
  --format text|json|github  output for people (default), scripts, or GitHub annotations
  --max-age-days N           last_reviewed older than N days is overdue (default ${DEFAULT_MAX_AGE_DAYS})
  --strict                   exit 1 on warnings too, not only on errors
  --today YYYY-MM-DD         the date reviews are measured against (default: today)
  --cache                    remember unchanged files between runs (for pre-commit hooks)
  --alert-rules FILE|GLOB... Prometheus/Alertmanager rule files or Grafana alert-rule exports
                             (YAML or JSON): each alert must reach a runbook in DIR
  -h, --help                 show this help

Exit status: 0 no errors (no warnings either with --strict), 1 findings at that level,
2 usage error or unreadable DIR.`;

export type ParsedCheckArguments = { ok: true; args: CheckArguments } | { ok: false; reason: string };

/** Reads the command line; a mistake gives a one-line reason instead of a guess. */
export function readCheckArguments(argv: string[], realToday: string): ParsedCheckArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: groupAlertRuleArguments(argv),
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        'max-age-days': { type: 'string' },
        strict: { type: 'boolean' },
        today: { type: 'string' },
        cache: { type: 'boolean' },
        'alert-rules': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return { ok: false, reason: firstLine(error) };
  }
  const { values, positionals } = parsed;
  const help = values.help === true;
  if (help) {
    return {
      ok: true,
      args: {
        dir: '.',
        format: 'text',
        maxAgeDays: DEFAULT_MAX_AGE_DAYS,
        strict: false,
        today: realToday,
        cache: false,
        help,
        alertRules: [],
      },
    };
  }
  if (positionals.length > 1) {
    return { ok: false, reason: `expected at most one folder, got ${positionals.length}: ${positionals.join(' ')}` };
  }
  const format = values.format ?? 'text';
  if (!(CHECK_FORMATS as readonly string[]).includes(format)) {
    return { ok: false, reason: `--format must be one of ${CHECK_FORMATS.join(', ')}, not "${format}"` };
  }
  let maxAgeDays = DEFAULT_MAX_AGE_DAYS;
  if (values['max-age-days'] !== undefined) {
    const raw = values['max-age-days'];
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
      return { ok: false, reason: `--max-age-days must be a whole number of days, not "${raw}"` };
    }
    maxAgeDays = Number(raw);
  }
  const today = values.today ?? realToday;
  if (!isCalendarDate(today)) {
    return { ok: false, reason: `--today must be a date written YYYY-MM-DD, not "${today}"` };
  }
  return {
    ok: true,
    args: {
      dir: positionals[0] ?? '.',
      format: format as CheckFormat,
      maxAgeDays,
      strict: values.strict === true,
      today,
      cache: values.cache === true,
      help,
      alertRules: values['alert-rules'] ?? [],
    },
  };
}

/**
 * `--alert-rules rules/*.yml` expanded by the shell is `--alert-rules rules/a.yml rules/b.yml`: the words
 * after the option that look like rule files (a .yml, .yaml or .json name, or a glob) are its values too.
 */
function groupAlertRuleArguments(argv: string[]): string[] {
  const out: string[] = [];
  /** Whether the previous word was `--alert-rules`'s value (or one more rule file after it). */
  let afterRuleFile = false;
  for (const [i, arg] of argv.entries()) {
    if (afterRuleFile && !arg.startsWith('-') && /(\.(ya?ml|json)$|[*?[])/i.test(arg)) {
      out.push('--alert-rules', arg);
      continue;
    }
    afterRuleFile = i > 0 && argv[i - 1] === '--alert-rules';
    out.push(arg);
  }
  return out;
}

/** Today's date on this machine's calendar, `YYYY-MM-DD`: the same "today" as the reader's. */
export function localToday(now = new Date()): string {
  return localCalendarDate(now);
}

/** Node's parseArgs messages, shortened to the part a person needs. */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option "${unknown[1]}"`;
  const missing = /^Option '(--[a-z-]+)[^']*' argument (missing|is ambiguous)/.exec(message);
  if (missing) {
    const option = missing[1]!;
    return missing[2] === 'missing'
      ? `${option} needs a value`
      : `${option} needs a value (write ${option}=VALUE for a value that starts with "-")`;
  }
  return message.split('\n')[0]!.trim();
}
