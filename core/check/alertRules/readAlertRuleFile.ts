import { LineCounter, parseDocument, type Document } from 'yaml';
import { MAX_FRONT_MATTER_ALIASES } from '../../ingest/parseFrontMatterBlock';

/** One alerting rule as a rule file defines it. */
export interface AlertRule {
  /** Prometheus `alert`, Grafana `title`. */
  name: string;
  /** `annotations.runbook_url`, the annotation Prometheus and Grafana both use for it. */
  runbookUrl?: string | undefined;
  /** 1-based line of the rule in its file, when known. */
  line?: number | undefined;
}

export type AlertRuleFile =
  | { ok: true; format: 'prometheus' | 'grafana'; rules: AlertRule[]; truncated: boolean }
  | { ok: false; reason: string; line?: number | undefined };

/** Far larger than any real rule file; a larger one is refused by its size before it is parsed. */
export const MAX_ALERT_RULE_FILE_BYTES = 32 * 1024 * 1024;
/** Rules read per file; the rest are left out with a note, so a generated monster cannot stall the check. */
export const MAX_RULES_PER_FILE = 100_000;

/**
 * Reads a Prometheus/Alertmanager rule file (`groups[].rules[]` with `alert`, also a PrometheusRule's
 * `spec.groups`) or a Grafana alert-rule export or provisioning file (`groups[].rules[]` with `title`, or the
 * ruler API's `grafana_alert.title`, or the provisioning API's bare list of rules), YAML or JSON. Recording rules (`record`) are not alerts and are passed
 * over. Never throws: anything unreadable comes back with a reason.
 */
export function readAlertRuleFile(text: string): AlertRuleFile {
  if (text.length > MAX_ALERT_RULE_FILE_BYTES) {
    return { ok: false, reason: `the file is larger than ${MAX_ALERT_RULE_FILE_BYTES / 1024 / 1024} MiB` };
  }
  const lineCounter = new LineCounter();
  let doc: Document;
  let data: unknown;
  try {
    // Several documents (`---` separated) are allowed in Kubernetes manifests; only the first holds rules here.
    doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
    const error = doc.errors[0];
    if (error)
      return { ok: false, reason: `it is not valid YAML or JSON: ${firstLine(error.message)}`, line: lineAt(lineCounter, error.pos[0]) };
    // The `yaml` package's own measure of alias expansion: a few hundred bytes of nested aliases would
    // otherwise expand to gigabytes.
    data = doc.toJS({ maxAliasCount: MAX_FRONT_MATTER_ALIASES });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return /alias/i.test(message)
      ? { ok: false, reason: `its YAML aliases expand too far (more than ${MAX_FRONT_MATTER_ALIASES} expansions): refused unread` }
      : { ok: false, reason: `it could not be read: ${firstLine(message)}` };
  }

  const root = asRecord(data);
  const spec = asRecord(root?.spec);
  const groupsPath = Array.isArray(root?.groups) ? ['groups'] : Array.isArray(spec?.groups) ? ['spec', 'groups'] : undefined;
  const rules: AlertRule[] = [];
  let grafana = false;
  let truncated = false;
  let groups: unknown[];
  if (groupsPath) groups = (groupsPath.length === 1 ? root!.groups : spec!.groups) as unknown[];
  else if (root && Object.values(root).every(Array.isArray)) {
    // The Grafana ruler API answers `{ "<folder>": [ {name, rules: [...]}, ... ] }`.
    groups = Object.values(root).flat();
  } else if (Array.isArray(data)) {
    // Grafana's provisioning API lists rules as a bare array of rule objects.
    groups = [{ rules: data as unknown[] }];
  } else if (root && typeof root.title === 'string') {
    // One rule exported on its own (Grafana's HTTP API).
    groups = [{ rules: [root] }];
  } else {
    return { ok: false, reason: 'it holds no alert rules (expected "groups:" with "rules:", as Prometheus and Grafana write them)' };
  }

  outer: for (const [g, group] of groups.entries()) {
    const groupRules = asRecord(group)?.rules;
    if (!Array.isArray(groupRules)) continue;
    for (const [r, rule] of (groupRules as unknown[]).entries()) {
      if (rules.length >= MAX_RULES_PER_FILE) {
        truncated = true;
        break outer;
      }
      const fields = asRecord(rule);
      if (!fields) continue;
      const grafanaAlert = asRecord(fields.grafana_alert);
      const name = textOf(fields.alert) ?? textOf(fields.title) ?? textOf(grafanaAlert?.title);
      if (name === undefined) continue;
      if (fields.alert === undefined) grafana = true;
      const runbookUrl = textOf(asRecord(fields.annotations)?.runbook_url);
      const node = groupsPath ? doc.getIn([...groupsPath, g, 'rules', r], true) : undefined;
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      rules.push({ name, runbookUrl, line: range ? lineAt(lineCounter, range[0]) : undefined });
    }
  }
  if (rules.length === 0 && !groups.some((g) => Array.isArray(asRecord(g)?.rules))) {
    return { ok: false, reason: 'it holds no alert rules (no group has "rules:")' };
  }
  return { ok: true, format: grafana ? 'grafana' : 'prometheus', rules, truncated };
}

function lineAt(counter: LineCounter, offset: number): number {
  return counter.linePos(offset).line;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
