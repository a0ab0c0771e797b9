import { PHONE_REGION_CODES } from './phoneRegionCodes';

/** Where the region that gave a national phone number its country came from, most specific first. */
export type PhoneRegionFrom = 'runbook' | 'source' | 'device' | 'command line';

export interface PhoneRegion {
  /** ISO 3166-1 alpha-2 code, upper case: `GB`, `DE`, `US`. */
  region: string;
  from: PhoneRegionFrom;
}

/**
 * An ISO region code as people write it (`gb`, ` GB `, `uk`), upper case, when phone numbering knows it;
 * undefined for anything else. `UK` is accepted for `GB` because that is how most people write it.
 */
export function normaliseRegion(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  let code = value.trim().toUpperCase();
  if (code === 'UK') code = 'GB';
  return PHONE_REGION_CODES.has(code) ? code : undefined;
}

/**
 * The region of a locale tag (`en-GB` → `GB`, `de-DE` → `DE`); a tag without one (`de`) gets its most
 * likely region from `Intl.Locale` (`DE`). Undefined when the tag is empty or unknown.
 */
export function regionOfLocale(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    const parsed = new Intl.Locale(locale);
    return normaliseRegion(parsed.region ?? parsed.maximize().region);
  } catch {
    return undefined;
  }
}

/** A runbook's own `region:` front-matter field, when it names a known region. */
export function runbookRegion(extra: Readonly<Record<string, unknown>> | undefined): string | undefined {
  return normaliseRegion(extra?.region);
}

/**
 * The region national numbers are read in: the runbook's `region:` front matter, else the source's setting,
 * else the device locale's region (the order the README documents). Undefined when none is known.
 */
export function choosePhoneRegion(candidates: {
  runbook?: string | undefined;
  source?: string | undefined;
  device?: string | undefined;
}): PhoneRegion | undefined {
  const order: [PhoneRegionFrom, string | undefined][] = [
    ['runbook', candidates.runbook],
    ['source', candidates.source],
    ['device', candidates.device],
  ];
  for (const [from, value] of order) {
    const region = normaliseRegion(value);
    if (region) return { region, from };
  }
  return undefined;
}
