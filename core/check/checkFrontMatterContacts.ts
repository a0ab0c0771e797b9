import { normaliseRegion, runbookRegion } from '../contacts/phoneRegion';
import { readFrontMatterContacts } from '../contacts/readFrontMatterContacts';
import type { RunbookMeta } from '../model';

/** One problem with a runbook's `contacts:` list or `region:`, and the front-matter key it is about. */
export interface FrontMatterContactProblem {
  key: 'contacts' | 'region';
  message: string;
}

/**
 * What `check` says about the documented contacts form: a `region:` that is not a region code, `contacts:`
 * items the panel would skip (with the reason `readFrontMatterContacts` gives), and phone numbers there that
 * cannot be dialled as written (national without a region) or that are possible but not valid (examples,
 * typos). The same reading the app does, so what passes here is what the panel shows.
 */
export function checkFrontMatterContacts(meta: Pick<RunbookMeta, 'extra'>): FrontMatterContactProblem[] {
  const problems: FrontMatterContactProblem[] = [];
  const written = meta.extra.region;
  if (written !== undefined && normaliseRegion(written) === undefined) {
    const shown = typeof written === 'string' ? `"${written.slice(0, 20)}"` : 'this value';
    problems.push({ key: 'region', message: `region: ${shown} is not a region code; use two letters such as GB, DE or US.` });
  }
  const region = runbookRegion(meta.extra);
  const read = readFrontMatterContacts(meta.extra.contacts, { region });
  for (const message of read.problems) problems.push({ key: 'contacts', message });
  for (const contact of read.contacts) {
    if (contact.kind !== 'phone') continue;
    const who = contact.label ? ` (${contact.label})` : '';
    if (contact.phone?.needsRegion) {
      problems.push({
        key: 'contacts',
        message: `Phone ${contact.value}${who} has no country: write it with + and the country code, or add region: to the front matter.`,
      });
    } else if (contact.phone?.checkReason) {
      problems.push({ key: 'contacts', message: `Phone ${contact.value}${who}: ${contact.phone.checkReason}.` });
    }
  }
  return problems;
}
