import { countFindings, type Finding } from './finding';

/** For scripts: one JSON object with every finding and the totals. `line` is null for file-wide findings. */
export function formatJson(findings: readonly Finding[], options: { files: number }): string {
  const { errors, warnings } = countFindings(findings);
  const report = {
    findings: findings.map((f) => ({ file: f.file, line: f.line ?? null, rule: f.rule, severity: f.severity, message: f.message })),
    errors,
    warnings,
    files: options.files,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
