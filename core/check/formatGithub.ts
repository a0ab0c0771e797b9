import { countFindings, type Finding } from './finding';

/**
 * For GitHub Actions: one `::error` / `::warning` workflow command per finding, which GitHub shows as an
 * annotation on the file and line in pull requests, then a plain summary line for the log.
 */
export function formatGithub(findings: readonly Finding[], options: { files: number }): string {
  const lines = findings.map((f) => {
    const properties = [`file=${escapeProperty(f.file)}`];
    if (f.line !== undefined) properties.push(`line=${f.line}`);
    properties.push(`title=${escapeProperty(f.rule)}`);
    return `::${f.severity} ${properties.join(',')}::${escapeData(f.message)}`;
  });
  const { errors, warnings } = countFindings(findings);
  lines.push(`runbook-reader check: ${options.files} runbooks, ${errors} errors, ${warnings} warnings`);
  return `${lines.join('\n')}\n`;
}

/** The escaping GitHub's runner undoes for a command's message. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also end at `,` and `:`, so those are escaped too. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
