/**
 * Finds phone numbers in runbook text and turns them into dialable `tel:` URIs.
 *
 * Deliberately narrow: a number is only taken when it has the shape people write phone numbers in —
 * an international number starting with `+`, or a North American 10-digit number grouped as
 * `(555) 123-4567`, `555-123-4567`, `555.123.4567`, `555 123 4567`, optionally after a `1` trunk prefix.
 * Bare digit runs (`5551234567`), versions, dates, IPs, ticket ids, ports, durations, times, money and
 * hashes never have that shape or sit next to letters/punctuation that rule them out.
 * The fictional 555 numbers runbooks use are accepted: nothing here checks number allocation.
 */

export interface PhoneNumberOptions {
  /** Country calling code given to 10-digit national numbers; default `1`. */
  defaultCountryCode?: string;
}

export interface PhoneNumberMatch {
  /** The number as written, extension included. */
  text: string;
  /** `tel:+15551234567` or `tel:+15551234567;ext=12`. */
  href: string;
  start: number;
  end: number;
}

const SPACE = '[ \\u00a0]';
const SEPARATOR = '[ \\u00a0.\\-]';

/** `+` then the country code and groups of digits, each optionally in parentheses (`+44 (0)20 …`). */
const INTERNATIONAL = `\\+\\d{1,3}(?:${SEPARATOR}?(?:\\(\\d{1,4}\\)|\\d{1,5}))+`;
/**
 * North American shapes, with an optional `1` trunk prefix: `(555) 123-4567`, `555-123-4567`,
 * `555 123 4567`, `555.123.4567` (dots only with dots, so that `10.0.12.45`-like runs never mix in).
 */
const NATIONAL =
  `(?:1${SEPARATOR}?)?` +
  `(?:\\(\\d{3}\\)${SPACE}?\\d{3}[ \\u00a0\\-.]\\d{4}` +
  `|\\d{3}[ \\u00a0\\-]\\d{3}[ \\u00a0\\-]\\d{4}` +
  `|\\d{3}\\.\\d{3}\\.\\d{4})`;

const CANDIDATE = new RegExp(`${INTERNATIONAL}|${NATIONAL}`, 'g');
/** Sticky, and read at `lastIndex`, so that a text with many numbers is not copied once per number. */
const EXTENSION = /[ \u00a0]*,?[ \u00a0]*(?:ext\.?|extension|x|#|;ext=)[ \u00a0]*(\d{1,6})/iuy;
const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** Every phone number in `text`, in order, with a `tel:` href. */
export function findPhoneNumbers(text: string, options: PhoneNumberOptions = {}): PhoneNumberMatch[] {
  const countryCode = validCountryCode(options.defaultCountryCode);
  const found: PhoneNumberMatch[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    const start = m.index;
    const candidate = m[0].startsWith('+') ? trimInternational(m[0]) : m[0];
    const digits = candidate.startsWith('+') ? internationalDigits(candidate) : nationalDigits(candidate, countryCode);
    let end = start + candidate.length;
    if (digits === undefined || !startsCleanly(text, start)) {
      CANDIDATE.lastIndex = skipRun(text, start + 1);
      continue;
    }
    let href = `tel:+${digits}`;
    EXTENSION.lastIndex = end;
    const ext = EXTENSION.exec(text);
    if (ext && !WORD_CHAR.test(text[end + ext[0].length] ?? '')) {
      href += `;ext=${ext[1]}`;
      end += ext[0].length;
    }
    if (!endsCleanly(text, end)) {
      CANDIDATE.lastIndex = skipRun(text, end);
      continue;
    }
    found.push({ text: text.slice(start, end), href, start, end });
    CANDIDATE.lastIndex = end;
  }
  return found;
}

/**
 * The `tel:` URI of the first phone number in `raw`, or undefined when there is none.
 * `assumePhone` is for values already known to be phone numbers (a front-matter `phone:` field, a
 * "Phone" table column): there a bare `5551234567` or `+15551234567`-like digit run is accepted too.
 */
export function normalisePhoneNumber(
  raw: string | number,
  options: PhoneNumberOptions & { assumePhone?: boolean } = {},
): string | undefined {
  const text = String(raw).trim();
  const first = findPhoneNumbers(text, options)[0];
  if (first) return first.href;
  if (!options.assumePhone) return undefined;
  const bare = /^(\+)?(\d{7,15})(?:[ \u00a0]*(?:ext\.?|x|#)[ \u00a0]*(\d{1,6}))?$/i.exec(text.replace(/[\s().-]+(?=\d)/g, ''));
  if (!bare) return undefined;
  const digits = bare[1] ? bare[2]! : nationalDigits(bare[2]!, validCountryCode(options.defaultCountryCode));
  if (digits === undefined) return undefined;
  return `tel:+${digits}${bare[3] ? `;ext=${bare[3]}` : ''}`;
}

function validCountryCode(code: string | undefined): string {
  const digits = code?.replace(/^\+/, '');
  return digits && /^\d{1,3}$/.test(digits) ? digits : '1';
}

/** E.164 digits (without `+`) of a national number, or undefined when it is not a 10-digit NANP shape. */
function nationalDigits(candidate: string, countryCode: string): string | undefined {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1') && /^[2-9]/.test(digits.slice(1))) return digits;
  if (digits.length === 10 && /^[2-9]/.test(digits)) return countryCode + digits;
  return undefined;
}

/**
 * E.164 digits of an international number: the `(0)` trunk marker some countries write is dropped,
 * `+1` numbers must have a 10-digit national part, others 7–15 digits in all.
 */
function internationalDigits(candidate: string): string | undefined {
  if ((candidate.match(/\(/g) ?? []).length !== (candidate.match(/\)/g) ?? []).length) return undefined;
  const digits = candidate.replace(/\(0\)/g, '').replace(/\D/g, '');
  const nanp = /^\+1(?!\d)/.test(candidate) || (digits.length === 11 && digits.startsWith('1'));
  if (nanp) return digits.length === 11 && /^1[2-9]/.test(digits) ? digits : undefined;
  return digits.length >= 7 && digits.length <= 15 ? digits : undefined;
}

/**
 * The regex takes digit groups greedily, so `+1 555 123 4567 2 times` reaches into the `2`: drop a trailing
 * space-separated single digit, and for `+1` numbers any group past the 10 national digits.
 */
function trimInternational(candidate: string): string {
  let out = candidate.replace(/[ \u00a0]\d$/, '');
  if (/^\+1(?!\d)/.test(out)) {
    const groups = out.slice(1).match(/[ \u00a0.-]?(?:\(\d+\)|\d+)/g) ?? [];
    let kept = '+';
    for (const group of groups) {
      if (kept.replace(/\D/g, '').length >= 11) break;
      kept += group;
    }
    out = kept;
  }
  return out;
}

/**
 * The character before a number must not make it part of something else: letters or digits (`INC-`,
 * hashes, `v1.2`), `-`/`.`/`/` (ticket ids, versions, paths), currency, `#`, `@`, `=`, or a `:` after a
 * digit (times, ports). A `:` after a word ("Phone:555-…") is fine.
 */
function startsCleanly(text: string, start: number): boolean {
  if (start === 0) return true;
  const before = text[start - 1]!;
  if (WORD_CHAR.test(before)) return false;
  if ('-./\\$€£¥@=#+~^&*_'.includes(before)) return false;
  if (before === ':' && /[\d]/.test(text[start - 2] ?? '')) return false;
  return true;
}

/** After a number: not a letter or digit (`5000ms`), `%`, `@`, nor punctuation that continues it. */
function endsCleanly(text: string, end: number): boolean {
  const after = text[end];
  if (after === undefined) return true;
  if (WORD_CHAR.test(after) || after === '%' || after === '@' || after === '+') return false;
  if (/[.,]/.test(after) && /\d/.test(text[end + 1] ?? '')) return false;
  // `555-123-4567-abc`, `…/v2`, `…:8080`: the digits are part of an identifier, a path or an address.
  if (/[:/-]/.test(after) && WORD_CHAR.test(text[end + 1] ?? '')) return false;
  return true;
}

/** Index just past the run of digits and separators at `from`, so a rejected run is never matched in part. */
function skipRun(text: string, from: number): number {
  let i = from;
  while (i < text.length && /[\d.\-:/,]/.test(text[i]!)) i++;
  return i;
}
