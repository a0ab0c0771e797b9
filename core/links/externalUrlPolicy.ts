/**
 * The one external-link policy: which URLs may leave the app (system browser, mail client, dialer, chat
 * client). Runbook content is untrusted, so anything not allowed here is never followed. The contacts
 * panel, the runbook link resolver and the desktop main process (navigation guard, window-open handler,
 * `shell.openExternal`) all decide with this module, so a link one of them offers the others open.
 */

/** Web links. They must name a host and carry no user name or password. */
export const WEB_LINK_SCHEMES: readonly string[] = ['https:', 'http:'];

/** Mail and phone links. A `mailto:` link that would attach a file is refused (see `mailtoAttachesFile`). */
export const MAIL_AND_PHONE_LINK_SCHEMES: readonly string[] = ['mailto:', 'tel:'];

/**
 * Chat clients' own link schemes. To let another chat client's links open (say `zoommtg:`), add its
 * scheme here: the panel, runbook links and the desktop app then all accept it.
 */
export const CHAT_LINK_SCHEMES: readonly string[] = ['slack:', 'msteams:'];

export const EXTERNAL_LINK_SCHEMES: readonly string[] = [...WEB_LINK_SCHEMES, ...MAIL_AND_PHONE_LINK_SCHEMES, ...CHAT_LINK_SCHEMES];

/** Longer URLs are refused: no real link is this long, and a parser should not be fed megabytes. */
export const MAX_EXTERNAL_URL_LENGTH = 8192;

export type ExternalUrlVerdict = { allowed: true; scheme: string } | { allowed: false; reason: string };

/** Parses `url` and returns its scheme (with the colon, lower case) or undefined when it is not absolute. */
export function schemeOf(url: string): string | undefined {
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url.trim());
  return match ? `${match[1]!.toLowerCase()}:` : undefined;
}

/** Decides whether `url` may be opened outside the app, with a reason a person can act on when it may not. */
export function judgeExternalUrl(url: string): ExternalUrlVerdict {
  if (url.length > MAX_EXTERNAL_URL_LENGTH) return { allowed: false, reason: 'The link is too long to be opened.' };
  const trimmed = url.trim();
  // What is judged must be what the operating system receives: URL parsing drops tabs and newlines that a
  // mail client or dialer may not, so such links are refused rather than read two ways.
  if (/[\0-\x1f\x7f]/.test(trimmed)) return { allowed: false, reason: 'The link contains control characters.' };
  let parsed: URL | undefined;
  try {
    parsed = new URL(trimmed);
  } catch {
    parsed = undefined;
  }
  const scheme = parsed?.protocol.toLowerCase();
  if (parsed === undefined || scheme === undefined || scheme !== schemeOf(trimmed)) {
    return { allowed: false, reason: 'The link is not a complete address.' };
  }
  if (!EXTERNAL_LINK_SCHEMES.includes(scheme)) {
    return { allowed: false, reason: `Links of type "${scheme}" are not opened outside the app.` };
  }
  if (WEB_LINK_SCHEMES.includes(scheme) && (parsed.hostname === '' || parsed.username !== '' || parsed.password !== '')) {
    return { allowed: false, reason: 'Web links with a user name or password, or without a host, are not opened.' };
  }
  if (scheme === 'mailto:' && mailtoAttachesFile(url)) {
    return {
      allowed: false,
      reason: 'Mail links that attach a file ("attach=") are not opened: they could send a file from this computer.',
    };
  }
  return { allowed: true, scheme };
}

/** True when `url` may be opened outside the app (see `judgeExternalUrl`). */
export function isAllowedExternalUrl(url: string): boolean {
  return judgeExternalUrl(url).allowed;
}

/** The href to offer for a contact or link, or undefined when it must stay plain text. */
export function externalLinkHref(url: string | undefined): string | undefined {
  return url !== undefined && url !== '' && isAllowedExternalUrl(url) ? url : undefined;
}

/**
 * Some mail clients (Thunderbird, Outlook, mutt-style handlers) honour `attach=` / `attachment=` in a
 * `mailto:` link and attach a local file. The header names are read after decoding %-escapes (repeatedly,
 * so `%2561ttach` counts too) and in any case; a body that merely contains `&attach=` once decoded is
 * refused as well, since no runbook needs one and being wrong the other way sends a file.
 */
function mailtoAttachesFile(url: string): boolean {
  const queryAt = url.indexOf('?');
  if (queryAt === -1) return false;
  let headers = url.slice(queryAt);
  for (let round = 0; round < 4; round++) {
    const decoded = decodeLeniently(headers);
    if (decoded === headers) break;
    headers = decoded;
  }
  return /[?&;][\s\0-\x1f]*attach(?:ment)?[\s\0-\x1f]*=/i.test(headers);
}

/** Decodes the %-escapes that are valid and leaves broken ones as they are. */
function decodeLeniently(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run.replace(/%([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    }
  });
}
