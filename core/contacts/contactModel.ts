import type { PhoneRegionFrom } from './phoneRegion';

/**
 * The shapes of the emergency-contacts feature, shared by the extractor (core) and the panel (renderer).
 *
 * Pipeline for the panel:
 *   for each cached runbook: extractContacts(meta, body, settings) → Contact[]
 *   groupContacts(all of them)                                     → ContactGroup[] (deduplicated, sorted)
 * For tappable contacts inside a rendered runbook: findContactPoints(text, settings) on a text node.
 */

/**
 * - `phone`: a dialable number (`href` is a `tel:` URI).
 * - `email`: an address (`href` is `mailto:`).
 * - `chat`: a chat channel or chat link (Slack `#channel`, `slack://…`, Slack/Teams https links).
 *   `href` is set only when it can be opened: a link written in the runbook, or a Slack channel
 *   when a Slack workspace is configured; otherwise the value is for copying.
 * - `paging`: a paging service entry point (PagerDuty/Opsgenie policy, service or URL).
 * - `role`: a named role or team with no contact point of its own ("VP Engineering").
 */
export type ContactKind = 'phone' | 'email' | 'chat' | 'paging' | 'role';

/** The kinds a piece of text can carry by itself; `role` only comes from a label. */
export type ContactPointKind = Exclude<ContactKind, 'role'>;

/** Settings the caller passes in (from the user's settings). */
export interface ContactOptions {
  /**
   * Slack workspace sub-domain (`acme` for `acme.slack.com`). When set, `#channel` mentions get an
   * `https://acme.slack.com/app_redirect?channel=…` href; when not, they have no href and are copy-only.
   */
  slackWorkspace?: string;
  /**
   * ISO region (`GB`) national numbers such as `020 7946 0958` are read in (see `phoneRegion.ts` for how it is
   * chosen). Without one, national numbers are found but carry `needsRegion` instead of an `href`.
   */
  region?: string | undefined;
}

/** How a phone number was read: the region behind it and whether a person should check it. */
export interface PhoneDetails {
  /** The region a national number was read in (`GB`); absent for international numbers. */
  region?: string | undefined;
  /** Where that region came from: the runbook's `region:`, the source's setting, the device or the command line. */
  regionFrom?: PhoneRegionFrom | undefined;
  /** Why to check the number before trusting it (possible but not valid, or missing its trunk prefix). */
  checkReason?: string | undefined;
  /** National number found while no region was known; `resolveContactRegions` reads it once one is. */
  needsRegion?: boolean | undefined;
}

/** One contact point found in a piece of plain text, with where it is, for linking it in place. */
export interface ContactPoint {
  kind: ContactPointKind;
  /** What to show and copy, as written: `(555) 123-4567`, `ops@clpr.tv`, `#ops-team`, `clipper-primary`. */
  value: string;
  /** `tel:+15551234567`, `mailto:ops@clpr.tv`, a chat or paging URL; absent when there is nothing to open. */
  href?: string | undefined;
  /** The service behind a chat or paging point: `Slack`, `Microsoft Teams`, `PagerDuty`, `Opsgenie`. */
  via?: string | undefined;
  /** For phone numbers: the region and any doubt about it. */
  phone?: PhoneDetails | undefined;
  /** Offsets in the text that was searched (UTF-16, end exclusive). */
  start: number;
  end: number;
}

/** Where a contact was found. */
export interface ContactSource {
  sourceId: string;
  path: string;
  /** Runbook title, so the panel can say which runbook a contact came from. */
  title: string;
  /** That runbook's `last_reviewed` date, so the panel can say how current the contact is. */
  lastReviewed?: string | undefined;
  /** `section` for a contacts section in the body, `front-matter` for the `contacts:` list. */
  from: 'section' | 'front-matter';
  /** Anchor id (GitHub slug, same as `RunbookMeta.headings[].id`) of the contacts section heading. */
  anchor?: string;
  /** Text of that heading. */
  heading?: string;
  /** 1-based file line of the contact's line; absent for front matter. */
  line?: number | undefined;
}

/** One contact point (or named role) from one runbook. */
export interface Contact {
  /**
   * Identity for deduplication: equal for the same kind and normalised value (the same phone number
   * written `(555) 123-4567` and `+1-555-123-4567` has one id), so the same contact in two runbooks has the
   * same id. Unique within one `extractContacts` result. Roles include their label.
   */
  id: string;
  /** Team or role this contact belongs to ("Operations Team"); the runbook title when the line names none. */
  label: string;
  kind: ContactKind;
  /** Display and copy text (see `ContactPoint.value`); for a role, what the runbook says to do. */
  value: string;
  href?: string | undefined;
  via?: string | undefined;
  /** The rest of the line: response times, hours ("respond < 5 min", "24/7"). */
  note?: string | undefined;
  /** For phone numbers: the region and any doubt about it. */
  phone?: PhoneDetails | undefined;
  source: ContactSource;
}

/** A deduplicated contact: one entry per id, listing every place it was found. */
export interface ContactEntry {
  id: string;
  kind: ContactKind;
  /** As first written (in the order the contacts were given). */
  value: string;
  href?: string;
  via?: string;
  note?: string;
  phone?: PhoneDetails | undefined;
  /** In the merged on-call group: the tier this contact was listed for ("Secondary"). */
  tier?: string | undefined;
  /** Every label this contact was listed under, first-seen first. */
  labels: string[];
  /** Every place it was found, in input order, one per runbook and line. */
  sources: ContactSource[];
}

/** Contacts of one team or role, across runbooks. */
export interface ContactGroup {
  /** Case- and punctuation-insensitive form of the label ("trust and safety lead"). */
  key: string;
  /** The spelling used most often. */
  label: string;
  /** Sort class: on-call/paging first, then security, then everyone else alphabetically. */
  rank: 'on-call' | 'security' | 'other';
  /** Whether any entry is a way to reach someone (see `canReach`); groups without one are listed last, folded. */
  reachable: boolean;
  /** Phones first, then paging, chat, email, roles. */
  entries: ContactEntry[];
}
