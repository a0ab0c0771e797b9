import type { IngestWarning } from '../model';
import { judgeReviewAge } from '../runbook/reviewAge';
import { readRunbookStatus, RUNBOOK_STATUSES } from '../runbook/runbookStatus';
import type { CheckOptions } from './checkOptions';
import type { CheckedLink, ExaminedFile } from './examineRunbookFile';
import { finding, type Finding } from './finding';
import type { LocatedKey } from './locateFrontMatterLines';

/** Problems after which there is no usable metadata, so "missing title" and the like would only repeat them. */
const NO_USABLE_METADATA = new Set<IngestWarning['code']>([
  'front-matter-invalid',
  'front-matter-unclosed',
  'front-matter-not-object',
  'empty-file',
  'shown-as-plain-text',
]);

/** The rules that need only the runbook itself: its front matter, review dates, contacts and external links. */
export function checkSingleRunbook(examined: ExaminedFile, options: CheckOptions): Finding[] {
  if (examined.kind === 'skipped') {
    const { path, reason, message } = examined;
    return [finding(path, 'skipped-file', `Not checked (${reason}): ${message}`)];
  }
  const runbook = examined;
  const { lines, path: file } = runbook;
  const out: Finding[] = [];

  for (const w of runbook.warnings) {
    switch (w.code) {
      case 'front-matter-invalid':
      case 'front-matter-not-object':
        out.push(finding(file, 'front-matter-invalid', w.message, w.line));
        break;
      case 'front-matter-unclosed':
        out.push(finding(file, 'front-matter-unclosed', w.message, w.line));
        break;
      case 'field-invalid':
        out.push(finding(file, 'field-invalid', w.message, w.line));
        break;
      case 'empty-file':
        out.push(finding(file, 'empty-file', 'This file is empty; add the runbook or delete the file.'));
        break;
      case 'shown-as-plain-text':
        out.push(finding(file, 'shown-as-plain-text', w.message));
        break;
      case 'no-front-matter':
        // Reported field by field below (missing-title, missing-owner, missing-last-reviewed).
        break;
    }
  }
  if (!runbook.warnings.some((w) => NO_USABLE_METADATA.has(w.code))) {
    const invalidLines = new Set(runbook.warnings.filter((w) => w.code === 'field-invalid').map((w) => w.line));
    /** A key that is present but unusable already has its field-invalid finding. */
    const missing = (key: LocatedKey) => {
      const line = lines.keys[key];
      return line === undefined || !invalidLines.has(line);
    };
    if (runbook.titleFrom !== 'front-matter' && missing('title')) {
      out.push(
        finding(
          file,
          'missing-title',
          `No "title" in the front matter; the reader shows "${runbook.title}" instead. Add a title: line.`,
          lines.keys.title,
        ),
      );
    }
    if (runbook.owner === undefined && missing('owner')) {
      out.push(
        finding(
          file,
          'missing-owner',
          'No "owner" in the front matter; add the team or person who keeps this runbook current.',
          lines.keys.owner,
        ),
      );
    }
    if (runbook.lastReviewed === undefined && missing('last_reviewed')) {
      out.push(
        finding(
          file,
          'missing-last-reviewed',
          'No "last_reviewed" in the front matter; add the date of the last review (YYYY-MM-DD) so readers know it is current.',
          lines.keys.last_reviewed,
        ),
      );
    }
  }

  if (runbook.lastReviewed !== undefined) {
    const age = judgeReviewAge(runbook.lastReviewed, options.today, options.maxAgeDays);
    const line = lines.keys.last_reviewed;
    if (age.state === 'in-future') {
      out.push(
        finding(
          file,
          'review-in-future',
          `last_reviewed ${runbook.lastReviewed} is in the future (today is ${options.today}); use the date the review happened.`,
          line,
        ),
      );
    } else if (age.state === 'overdue') {
      out.push(
        finding(
          file,
          'review-overdue',
          `Last reviewed ${runbook.lastReviewed}, ${age.days} days ago (limit ${options.maxAgeDays}); review the runbook and update last_reviewed.`,
          line,
        ),
      );
    }
  }

  const status = readRunbookStatus(runbook.status);
  if (!status.known) {
    out.push(
      finding(
        file,
        'unknown-status',
        `Status "${runbook.status}" is not one of ${RUNBOOK_STATUSES.join(', ')}; the reader treats it as "${status.readAs}".`,
        lines.keys.status,
      ),
    );
  }

  if (examined.contactGap) {
    const why = examined.contactGap.because === 'tag' ? 'Tagged "emergency"' : `Has an "${examined.contactGap.heading}" section`;
    out.push(
      finding(
        file,
        'emergency-without-contact',
        `${why} but lists no contact: add a "Contacts" or "Escalation" section with an email, phone number, #channel or PagerDuty policy, or a contacts list in the front matter.`,
        examined.contactGap.line,
      ),
    );
  }

  for (const problem of runbook.contactProblems ?? []) {
    out.push(finding(file, 'contact-invalid', problem.message, lines.keys[problem.key]));
  }

  for (const link of runbook.links) {
    if (isInsecureLink(link)) {
      const what = link.image ? 'Image' : 'Link';
      out.push(finding(file, 'insecure-link', `${what} ${link.href} uses plain http; use https:// if the host supports it.`, link.line));
    }
  }
  return out;
}

/** Plain-http links, except to this machine (port-forwards and local dashboards have no https). */
function isInsecureLink(link: CheckedLink): boolean {
  if (link.target.kind !== 'external' || link.target.scheme !== 'http:') return false;
  let host: string;
  try {
    host = new URL(link.target.url).hostname.toLowerCase();
  } catch {
    return true;
  }
  return !(host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host));
}
