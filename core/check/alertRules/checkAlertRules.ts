import { alertKey } from '../../incident/alertMapping';
import type { ExaminedFile, ExaminedRunbook } from '../examineRunbookFile';
import { finding, type Finding } from '../finding';
import { MAX_RULES_PER_FILE, type AlertRuleFile } from './readAlertRuleFile';
import { findTreePath, resolveRunbookUrl } from './resolveRunbookUrl';

/** A rule file as the caller named it, read (or refused) by `readAlertRuleFile`. */
export interface NamedAlertRuleFile {
  file: string;
  read: AlertRuleFile;
}

/**
 * Checks alert rules against the runbook tree: every `runbook_url` must name a runbook in the tree (and a
 * heading, when it has an anchor), every alert should have a runbook (its URL or a front matter mapping),
 * and every front matter mapping should name an alert some rule file defines. Runbook findings name the
 * runbook's path in the tree; rule findings name the rule file as given.
 */
export function checkAlertRules(
  ruleFiles: readonly NamedAlertRuleFile[],
  examined: readonly ExaminedFile[],
): { inRuleFiles: Finding[]; inRunbooks: Finding[] } {
  const findings: Finding[] = [];
  const inRunbooks: Finding[] = [];
  const runbooks = examined.filter((f): f is ExaminedRunbook => f.kind === 'runbook');
  const byPath = new Map(runbooks.map((r) => [r.path, r]));
  const treePaths = new Set(byPath.keys());
  const mapped = new Map<string, { runbook: ExaminedRunbook; anchor?: string | undefined }[]>();
  for (const runbook of runbooks) {
    for (const alert of runbook.alerts ?? []) {
      const list = mapped.get(alertKey(alert.name)) ?? [];
      list.push({ runbook, anchor: alert.anchor });
      mapped.set(alertKey(alert.name), list);
    }
  }

  const defined = new Map<string, { name: string; file: string; line?: number | undefined; count: number; hasUrl: boolean }>();
  for (const { file, read } of ruleFiles) {
    if (!read.ok) {
      findings.push(finding(file, 'alert-rules-invalid', `Alert rule file not checked: ${read.reason}.`, read.line));
      continue;
    }
    if (read.truncated) {
      findings.push(finding(file, 'alert-rules-invalid', `Only the first ${MAX_RULES_PER_FILE} rules of this file were checked.`));
    }
    for (const rule of read.rules) {
      const key = alertKey(rule.name);
      const seen = defined.get(key);
      if (seen) {
        seen.count++;
        seen.hasUrl ||= rule.runbookUrl !== undefined;
      } else defined.set(key, { name: rule.name, file, line: rule.line, count: 1, hasUrl: rule.runbookUrl !== undefined });
      if (rule.runbookUrl === undefined) continue;
      const target = resolveRunbookUrl(rule.runbookUrl);
      const where = `Alert ${rule.name}: runbook_url "${shorten(rule.runbookUrl)}"`;
      if (target.kind === 'external') continue;
      if (target.kind === 'invalid') {
        findings.push(finding(file, 'alert-runbook-missing', `${where} cannot be read: ${target.reason}`, rule.line));
      } else if (target.kind === 'alert') {
        if (!mapped.has(alertKey(target.alert))) {
          findings.push(
            finding(
              file,
              'alert-runbook-missing',
              `${where} opens alert ${target.alert}, which no runbook maps in front matter alerts:.`,
              rule.line,
            ),
          );
        }
      } else {
        const path = findTreePath(target.path, treePaths);
        if (path === undefined) {
          findings.push(
            finding(file, 'alert-runbook-missing', `${where} names ${target.path}, which is not in the checked folder.`, rule.line),
          );
        } else if (target.anchor !== undefined && !byPath.get(path)!.headingIds.includes(target.anchor)) {
          findings.push(finding(file, 'alert-runbook-anchor', `${where}: ${path} has no heading "#${target.anchor}".`, rule.line));
        }
      }
    }
  }

  for (const [key, rule] of defined) {
    if (rule.hasUrl || mapped.has(key)) continue;
    const times = rule.count > 1 ? ` (defined ${rule.count} times)` : '';
    findings.push(
      finding(
        rule.file,
        'alert-unmapped',
        `Alert ${rule.name}${times} has no runbook_url and no runbook maps it in front matter alerts:.`,
        rule.line,
      ),
    );
  }

  const anyRules = ruleFiles.some((f) => f.read.ok);
  for (const runbook of runbooks) {
    for (const alert of runbook.alerts ?? []) {
      const line = runbook.lines.keys.alerts;
      if (anyRules && !defined.has(alertKey(alert.name))) {
        inRunbooks.push(
          finding(runbook.path, 'alert-mapping-unknown', `alerts: maps ${alert.name}, which no alert rule file defines.`, line),
        );
      }
      if (alert.anchor !== undefined && !runbook.headingIds.includes(alert.anchor)) {
        inRunbooks.push(
          finding(
            runbook.path,
            'alert-runbook-anchor',
            `alerts: maps ${alert.name} to "#${alert.anchor}", which no heading here has.`,
            line,
          ),
        );
      }
    }
  }
  return { inRuleFiles: findings, inRunbooks };
}

function shorten(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
