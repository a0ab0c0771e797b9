import type { ContactPointKind } from './contactModel';

/**
 * Words that name a kind of contact point rather than a team ("Phone:", "Slack channel:",
 * "Escalation policy:"), mapped to the kind a bare value after them has.
 */
const FIELD_WORDS: Record<string, ContactPointKind | undefined> = {
  phone: 'phone',
  telephone: 'phone',
  tel: 'phone',
  mobile: 'phone',
  cell: 'phone',
  cellphone: 'phone',
  sms: 'phone',
  call: 'phone',
  hotline: 'phone',
  bridge: 'phone',
  number: undefined,
  email: 'email',
  'e-mail': 'email',
  mail: 'email',
  address: undefined,
  slack: 'chat',
  chat: 'chat',
  channel: 'chat',
  teams: 'chat',
  mattermost: 'chat',
  discord: 'chat',
  pager: 'paging',
  pagerduty: 'paging',
  opsgenie: 'paging',
  paging: 'paging',
  page: 'paging',
  policy: 'paging',
  schedule: 'paging',
  url: undefined,
  link: undefined,
  web: undefined,
  website: undefined,
  contact: undefined,
  hours: undefined,
  availability: undefined,
  response: undefined,
  time: undefined,
  sla: undefined,
  note: undefined,
  notes: undefined,
};

/** Words that may qualify a field word without making it a team ("Primary phone", "24/7 hotline"). */
const FIELD_QUALIFIERS = new Set([
  'primary',
  'secondary',
  'backup',
  'main',
  'direct',
  'office',
  'work',
  'desk',
  'personal',
  'after-hours',
  'afterhours',
  '24/7',
  'emergency',
  'escalation',
  'ms',
  'microsoft',
  'conference',
  'pagerduty',
  'opsgenie',
]);

/** Words that make a short text a role or team ("VP Engineering", "Secondary on-call", "DBA"). */
const ROLE_WORDS = new Set([
  'team',
  'teams',
  'engineer',
  'engineers',
  'engineering',
  'lead',
  'leads',
  'manager',
  'managers',
  'on-call',
  'oncall',
  'owner',
  'owners',
  'director',
  'vp',
  'head',
  'desk',
  'support',
  'officer',
  'sre',
  'dba',
  'dbas',
  'admin',
  'admins',
  'administrator',
  'commander',
  'coordinator',
  'responder',
  'responders',
  'primary',
  'secondary',
  'backup',
  'security',
  'ops',
  'operations',
  'office',
  'provider',
  'vendor',
  'helpdesk',
  'noc',
  'soc',
  'legal',
  'comms',
  'communications',
  'executive',
  'cto',
  'ceo',
  'ciso',
  'cio',
  'specialist',
  'analyst',
  'architect',
  'staff',
  'duty',
  'tier',
  'escalation',
  'person',
  'group',
  'department',
  'center',
  'centre',
  'service',
  'platform',
  'infrastructure',
  'network',
  'privacy',
  'dpo',
  'contact',
  'safety',
  'trust',
  'hr',
  'pr',
  'president',
  'chief',
]);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\bon[\s-]+call\b/g, 'on-call')
    .replace(/[^\p{L}\p{N}/\s-]+/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/**
 * When `label` only names a kind of contact point ("Phone", "Slack channel", "E-mail"), the kind a bare
 * value after it has (`null` when the field has no kind, like "Hours"); undefined when it names a team.
 */
export function fieldKindOfLabel(label: string): ContactPointKind | null | undefined {
  const tokens = words(label);
  if (tokens.length === 0 || tokens.length > 4) return undefined;
  let kind: ContactPointKind | null = null;
  let sawField = false;
  for (const token of tokens) {
    if (token in FIELD_WORDS) {
      sawField = true;
      kind = kind ?? FIELD_WORDS[token] ?? null;
    } else if (!FIELD_QUALIFIERS.has(token)) {
      return undefined;
    }
  }
  return sawField ? kind : undefined;
}

/** True when a short text reads as a role or team name rather than a sentence. */
export function looksLikeRole(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed || trimmed.length > 60 || /[.;!?]\s|[.;!?]$/.test(trimmed)) return false;
  const tokens = words(trimmed);
  return tokens.length > 0 && tokens.length <= 6 && tokens.some((t) => ROLE_WORDS.has(t)) && !tokens.some((t) => SENTENCE_WORDS.has(t));
}

/** Words that make a short text a phrase or an instruction rather than a name ("Escalation ladder if no ack"). */
const SENTENCE_WORDS = new Set([
  'if',
  'when',
  'whenever',
  'unless',
  'no',
  'not',
  'is',
  'are',
  'was',
  'be',
  'do',
  'does',
  'should',
  'must',
  'will',
  'can',
  'please',
  'you',
  'your',
  'we',
  'our',
  'they',
  'this',
  'that',
  'these',
  'those',
  'before',
  'after',
  'until',
]);

/**
 * Tidies a label as written: surrounding emphasis markers, a trailing colon or dash, and a trailing
 * "by phone"/"via Slack" or "(automatic)" (returned separately as `how`, as it says how rather than who).
 */
export function cleanLabel(raw: string): { label: string; how?: string } {
  let label = raw.replace(/\s+/g, ' ').trim();
  label = label
    .replace(/^[*_~\s]+|[*_~\s]+$/g, '')
    .replace(/\s*[:\-–—]+$/, '')
    .trim();
  const how = /\s+((?:by|via)\s+(?:phone|telephone|e-?mail|slack|chat|pagerduty|pager|page|teams)\b.*)$/i.exec(label);
  if (how && how.index > 0) return { label: label.slice(0, how.index).trim(), how: how[1]!.trim() };
  // "Secondary on-call (automatic)", "Security (24/7)": a lower-case or numeric aside is a note, while
  // "Data Protection (Montréal)" keeps its capitalised qualifier as part of the name.
  const aside = /\s*\(([^()]*)\)$/.exec(label);
  if (aside && aside.index > 0 && /^[\p{Ll}\p{N}]/u.test(aside[1]!.trim())) {
    return { label: label.slice(0, aside.index).trim(), how: aside[1]!.trim() };
  }
  return { label };
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Grouping key of a team/role label, insensitive to case, punctuation, spacing and `&`/`and`:
 * "Trust & Safety Lead", "trust and safety lead" and "Trust-and-Safety lead" share one.
 */
export function labelKey(label: string): string {
  // Plain ASCII (nearly every label) has no marks to strip and nothing to decompose: the same key, cheaper.
  if (PRINTABLE_ASCII.test(label)) {
    return label
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/\bon[\s-]*call\b/g, 'oncall')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  }
  return label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/&/g, ' and ')
    .replace(/\bon[\s-]*call\b/g, 'oncall')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Words around "on-call" that do not name a team: verbs, articles, the person, the tier. */
const ON_CALL_FILLER = new Set([
  'notify',
  'page',
  'call',
  'contact',
  'escalate',
  'to',
  'the',
  'a',
  'an',
  'current',
  'engineer',
  'engineers',
  'person',
  'rotation',
  'team',
  'duty',
  'oncall',
]);
const ON_CALL_TIERS = new Set(['primary', 'secondary', 'backup', 'tertiary']);

/** The team a label names (see `teamOfLabel`). */
export interface LabelTeam {
  key: string;
  tier?: string | undefined;
}

/**
 * Version of the rules of `labelKey` and `teamOfLabel`. Teams worked out at sync time are stored with it
 * (see `packContacts`); bump it whenever either function would give another answer, so that stored teams
 * are worked out again instead of grouping by the old rules.
 */
export const TEAM_RULES_VERSION = 1;

/**
 * The team a label names, for grouping the panel: "Notify on-call engineer", "On-call", "Page on-call engineer"
 * and "Secondary on-call" are all the one on-call rotation (key `oncall`), "Secondary" kept as the tier;
 * "Database On-Call" names the database team's own rotation and stays apart. Other labels are their `labelKey`.
 */
export function teamOfLabel(label: string): LabelTeam {
  const key = labelKey(label);
  // Most labels never say on-call: no need to split them into words (30,000 labels are read per panel).
  if (!key.includes('oncall')) return { key };
  let tier: string | undefined;
  let onCall = false;
  for (const token of key.split(' ')) {
    if (token === 'oncall') onCall = true;
    if (ON_CALL_FILLER.has(token)) continue;
    // A word that is neither filler nor a tier names the team ("database oncall").
    if (!ON_CALL_TIERS.has(token)) return { key };
    tier ??= token;
  }
  if (!onCall) return { key };
  return { key: 'oncall', tier: tier && tier !== 'primary' ? tier.charAt(0).toUpperCase() + tier.slice(1) : undefined };
}
