import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import { normaliseRegion } from './phoneRegion';

/**
 * Finds phone numbers in runbook text and turns them into dialable `tel:` URIs (E.164, `;ext=` for
 * extensions), with libphonenumber-js's metadata for every region.
 *
 * Two steps. First a candidate must have the shape people write phone numbers in: `+` and digit groups, or
 * national digit groups with separators or a bracketed area code (`020 7946 0958`, `(11) 91234-5678`,
 * `03-1234-5678`), or a vanity number (`1-800-FLOWERS`). Bare digit runs, versions, dates, IPs, ticket and
 * order ids, ports, times, money and hashes never have that shape, sit next to characters that rule them out,
 * or follow a word that names them. Then libphonenumber-js judges it: international numbers by their own
 * country code, national numbers in the region given (see `phoneRegion.ts`). A number that is not possible
 * there is not a phone number. A possible one that is not valid (the fictional 555 numbers of examples) keeps
 * its link but carries `checkReason`; so does a national number written without the trunk prefix its region
 * dials with (`(555) 123-4567` read as British), which gets no link because it would dial a stranger.
 * Without a region, national numbers are found (shape only) but get no `href` until a region is known.
 */

export interface PhoneNumberOptions {
  /** ISO region national numbers are read in (`GB`); without one they are found but not linked. */
  region?: string | undefined;
}

/** What a piece of text says as a phone number. */
export interface PhoneReading {
  /** `tel:+442079460958`, `tel:+15551234567;ext=12`; absent when the number cannot be dialled as written. */
  href?: string | undefined;
  /** The region a national number was read in; absent for international numbers and unresolved ones. */
  region?: string | undefined;
  /** Why a person should check this number before trusting it ("not a valid US number"). */
  checkReason?: string | undefined;
  /** A national number found while no region was known: read it again with one (`readPhoneNumber`). */
  needsRegion?: boolean | undefined;
}

export interface PhoneNumberMatch extends PhoneReading {
  /** The number as written, extension included. */
  text: string;
  start: number;
  end: number;
}

const SPACE = '[ \\u00a0]';
const SEPARATOR = '[ \\u00a0.\\-]';

/** `+` then the country code and groups of digits, each optionally in parentheses (`+44 (0)20 …`). */
const INTERNATIONAL = `\\+\\d{1,3}(?:${SEPARATOR}?(?:\\(\\d{1,4}\\)|\\d{1,6}))+`;
/** `1-800-FLOWERS`, `0800 REPAIRS`, `1-800-GOT-JUNK`: digit groups, then capital letters (looked for only in text with four in a row). */
const VANITY = `(?:\\+?\\d{1,3}[ \\u00a0\\-])?(?:\\(\\d{3,4}\\)|\\d{3,4})[ \\u00a0\\-](?:\\d{1,4}[ \\u00a0\\-])?[A-Z][A-Z0-9]{1,9}(?:-[A-Z0-9]{2,9})?`;
/** National digit groups: a bracketed area code and a number, or at least two groups with separators. */
const NATIONAL =
  `(?:(?:\\d{1,3}${SPACE}?)?\\(\\d{1,5}\\)${SPACE}?\\d{1,8}(?:${SEPARATOR}\\d{1,8}){0,5}` + `|\\d{1,6}(?:${SEPARATOR}\\d{1,8}){1,5})`;

const CANDIDATE = new RegExp(`${INTERNATIONAL}|${NATIONAL}`, 'g');
const VANITY_CANDIDATE = new RegExp(VANITY, 'g');
/** Sticky, and read at `lastIndex`, so that a text with many numbers is not copied once per number. */
const EXTENSION = /[ \u00a0]*,?[ \u00a0]*(?:ext\.?|extension|x|#|;ext=)[ \u00a0]*(\d{1,6})/iuy;
const WORD_CHAR = /[\p{L}\p{N}_]/u;
/** A word right before the digits that says they are an identifier, not a number to call. */
const ID_WORD =
  /\b(?:order|orders|ticket|invoice|case|ref|reference|incident|build|version|serial|account|acct|tracking|sku|release|issue|request|transaction|po|id|ids)\s*(?:no\.?|number|nr\.?)?\s*[:#]?\s*$/i;
/** Fewest digits a national number without a known region must have to be kept for later. */
const MIN_NATIONAL_DIGITS = 7;

/** Every phone number in `text`, in order. */
export function findPhoneNumbers(text: string, options: PhoneNumberOptions = {}): PhoneNumberMatch[] {
  const region = normaliseRegion(options.region);
  const found = scan(text, CANDIDATE, region);
  // Vanity numbers in a pass of their own: their digit part alone (`1-800`) is never a number, and a failed
  // vanity reading must not hide a plain number at the same place.
  if (/[A-Z]{4}/.test(text)) {
    for (const vanity of scan(text, VANITY_CANDIDATE, region)) {
      if (found.every((f) => f.end <= vanity.start || f.start >= vanity.end)) found.push(vanity);
    }
    found.sort((a, b) => a.start - b.start);
  }
  return found;
}

function scan(text: string, pattern: RegExp, region: string | undefined): PhoneNumberMatch[] {
  const found: PhoneNumberMatch[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const start = m.index;
    // Digits that belong to something else (an order id, `INC-…`) or a `+` number that is none: skip it whole.
    if (!startsCleanly(text, start) || hasIdentifierWordBefore(text, start)) {
      pattern.lastIndex = Math.max(skipRun(text, start + 1), start + m[0].length);
      continue;
    }
    const match = bestReading(text, start, m[0], region);
    if (!match) {
      pattern.lastIndex = m[0].startsWith('+') ? start + m[0].length : skipRun(text, start + 1);
      continue;
    }
    found.push(match);
    pattern.lastIndex = match.end;
  }
  return found;
}

/**
 * What `raw` says as a phone number, or undefined when it is none. `assumePhone` is for values already known
 * to be phone numbers (a front-matter `phone:` field, a "Phone" table column): there a bare digit run such as
 * `02079460958` or `+15551234567` is accepted too.
 */
export function readPhoneNumber(
  raw: string | number,
  options: PhoneNumberOptions & { assumePhone?: boolean } = {},
): PhoneReading | undefined {
  const text = String(raw).trim();
  const [first] = findPhoneNumbers(text, options);
  if (first) return readingOf(first);
  if (!options.assumePhone) return undefined;
  const bare = /^(\+?\d{6,15})(?:[ \u00a0]*(?:ext\.?|x|#)[ \u00a0]*(\d{1,6}))?$/i.exec(text.replace(/[\s().-]+(?=\d)/g, ''));
  if (!bare) return undefined;
  return judge(bare[1]!, bare[2], normaliseRegion(options.region), bare[1]!.startsWith('+'));
}

/** The `tel:` URI of the first phone number in `raw` (see `readPhoneNumber`), or undefined. */
export function normalisePhoneNumber(
  raw: string | number,
  options: PhoneNumberOptions & { assumePhone?: boolean } = {},
): string | undefined {
  return readPhoneNumber(raw, options)?.href;
}

function readingOf(match: PhoneNumberMatch): PhoneReading {
  const { text: _text, start: _start, end: _end, ...reading } = match;
  return reading;
}

/**
 * The longest reading of the candidate at `start`: greedy digit groups can reach into the next number or a
 * count (`+1 555 123 4567 2 times`), so trailing groups are dropped until what is left is a possible number.
 */
function bestReading(text: string, start: number, candidate: string, region: string | undefined): PhoneNumberMatch | undefined {
  const cuts = groupEnds(candidate);
  for (let i = cuts.length - 1; i >= 0; i--) {
    const main = candidate.slice(0, cuts[i]);
    // Only a group set apart by a space may be left out (`555-123-4567-89` is not `555-123-4567`).
    if (i < cuts.length - 1 && !/[ \u00a0]/.test(text[start + main.length] ?? '')) continue;
    if (!plausibleShape(main)) continue;
    let end = start + main.length;
    EXTENSION.lastIndex = end;
    const ext = EXTENSION.exec(text);
    let extension: string | undefined;
    if (ext && !WORD_CHAR.test(text[end + ext[0].length] ?? '')) {
      extension = ext[1];
      end += ext[0].length;
    }
    if (!endsCleanly(text, end)) {
      if (i === cuts.length - 1) return undefined;
      continue;
    }
    const reading = judge(main, extension, region, main.startsWith('+'));
    if (reading) return { text: text.slice(start, end), start, end, ...reading };
  }
  return undefined;
}

/** Offsets in `candidate` just past each of its digit groups, from the second one on. */
function groupEnds(candidate: string): number[] {
  const ends: number[] = [];
  const group = /\(\d+\)|\d+|[A-Z][A-Z0-9]*/g;
  for (let m = group.exec(candidate); m !== null; m = group.exec(candidate)) ends.push(m.index + m[0].length);
  return ends.slice(1).length > 0 ? ends.slice(1) : ends;
}

/**
 * Shapes that are something else: an IPv4 address, dates (`2026-02-03`, `03.02.2026`), separators mixed with
 * dots (`10.0.12-45`), and runs too short to be a number anywhere.
 */
function plausibleShape(main: string): boolean {
  if (/[A-Z]/.test(main)) return true;
  const digits = main.replace(/\D/g, '');
  if (main.startsWith('+')) return digits.length >= 7 && digits.length <= 15;
  if (digits.length < MIN_NATIONAL_DIGITS || digits.length > 15) return false;
  if (main.includes('.') && /[ \u00a0-]/.test(main.replace(/\(\d+\)[ \u00a0]?/, ''))) return false;
  const groups = main.split(/[ \u00a0.-]/);
  if (main.includes('.') && groups.length === 4 && groups.every((g) => /^\d{1,3}$/.test(g))) return false;
  // `555.123.4567.8`, `10.4.12.2024`: a one-digit dotted group is a version or a decimal, not a number group.
  if (main.includes('.') && groups.some((g) => /^\d$/.test(g))) return false;
  if (/^\d{4}[-.]\d{1,2}[-.]\d{1,2}$/.test(main) || /^\d{1,2}[-.]\d{1,2}[-.]\d{4}$/.test(main)) return false;
  return true;
}

/** libphonenumber-js's judgement of one candidate (digits and separators, extension apart). */
function judge(main: string, extension: string | undefined, region: string | undefined, international: boolean): PhoneReading | undefined {
  const dialled = main.replace(/\(0\)/g, '').replace(/[A-Z]/g, keypadDigit);
  if (!international && !region) {
    return dialled.replace(/\D/g, '').length >= MIN_NATIONAL_DIGITS ? { needsRegion: true } : undefined;
  }
  // North American numbers have exactly ten digits after +1: the rest need no parsing (a cheap, common case).
  if (international && /^\+1(?!\d{10}$)/.test(`+${dialled.replace(/\D/g, '')}`)) return undefined;
  const number = parse(dialled, international ? undefined : region);
  if (!number?.isPossible()) return undefined;
  const reading: PhoneReading = {};
  if (!international) reading.region = region;
  const where = international ? (number.country ?? `+${number.countryCallingCode}`) : region!;
  if (!international && lacksTrunkPrefix(dialled, number)) {
    reading.checkReason = `${where} numbers are dialled with ${trunkPrefixOf(number)} in front; this one is not, so it may belong to another country`;
    return reading;
  }
  reading.href = `tel:${number.number}${extension ? `;ext=${extension}` : ''}`;
  if (!number.isValid()) reading.checkReason = `not a valid ${where} number (an example or a typo?)`;
  return reading;
}

function parse(text: string, region: string | undefined): PhoneNumber | undefined {
  try {
    return parsePhoneNumberFromString(text, region ? { defaultCountry: region as CountryCode, extract: false } : { extract: false });
  } catch {
    return undefined;
  }
}

/**
 * Whether the written national number is missing the trunk prefix its region dials with: the region's own
 * national format has more digits in front (`020 …` for a British number written `20 …`).
 */
function lacksTrunkPrefix(written: string, number: PhoneNumber): boolean {
  const writtenDigits = written.replace(/\D/g, '');
  const nationalDigits = number.formatNational().replace(/\D/g, '');
  return nationalDigits.length > writtenDigits.length && nationalDigits.endsWith(writtenDigits);
}

function trunkPrefixOf(number: PhoneNumber): string {
  const nationalDigits = number.formatNational().replace(/\D/g, '');
  return nationalDigits.slice(0, nationalDigits.length - String(number.nationalNumber).length) || '0';
}

/** The phone keypad's digit for a capital letter (`FLOWERS` → `3569377`). */
function keypadDigit(letter: string): string {
  const keys = ['ABC', 'DEF', 'GHI', 'JKL', 'MNO', 'PQRS', 'TUV', 'WXYZ'];
  const key = keys.findIndex((k) => k.includes(letter));
  return key === -1 ? '' : String(key + 2);
}

function hasIdentifierWordBefore(text: string, start: number): boolean {
  return ID_WORD.test(text.slice(Math.max(0, start - 24), start));
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
  if ('-./\\$€£¥₹@=#+~^&*_'.includes(before)) return false;
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
