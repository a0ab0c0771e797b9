import { escapeControlChars } from '../terminal/escapeControlChars';
import { countFindings, type Finding } from './finding';

export interface TextFormatOptions {
  /** ANSI colours; the command turns them on only for a terminal without NO_COLOR. */
  color: boolean;
  /** How many runbook files were checked, for the summary line. */
  files: number;
}

const STYLE = { bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', yellow: '\x1b[33m', green: '\x1b[32m', reset: '\x1b[0m' };

/**
 * For people: findings grouped under their file, one per line (`line  severity  rule  message`), then a
 * summary with the counts.
 */
export function formatText(findings: readonly Finding[], options: TextFormatOptions): string {
  const paint = (style: keyof typeof STYLE, s: string) => (options.color ? `${STYLE[style]}${s}${STYLE.reset}` : s);
  const lineWidth = Math.max(1, ...findings.map((f) => String(f.line ?? '').length));
  const ruleWidth = Math.max(0, ...findings.map((f) => f.rule.length));
  const out: string[] = [];
  let currentFile: string | undefined;
  for (const f of findings) {
    if (f.file !== currentFile) {
      if (currentFile !== undefined) out.push('');
      // File names and messages come from the tree being checked; printed raw they could drive the terminal.
      out.push(paint('bold', escapeControlChars(f.file)));
      currentFile = f.file;
    }
    const line = paint('dim', String(f.line ?? '-').padStart(lineWidth));
    const severity = f.severity === 'error' ? paint('red', 'error  ') : paint('yellow', 'warning');
    out.push(`  ${line}  ${severity}  ${paint('dim', f.rule.padEnd(ruleWidth))}  ${escapeControlChars(f.message)}`);
  }
  if (findings.length > 0) out.push('');
  out.push(summaryLine(findings, options.files, paint));
  return `${out.join('\n')}\n`;
}

function summaryLine(findings: readonly Finding[], files: number, paint: (style: keyof typeof STYLE, s: string) => string): string {
  const { errors, warnings, filesWithFindings } = countFindings(findings);
  const checked = `${files} ${files === 1 ? 'runbook' : 'runbooks'} checked`;
  if (errors === 0 && warnings === 0) return paint('green', `${checked}: no problems found.`);
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  const text = `${checked}: ${counts} in ${plural(filesWithFindings, 'file')}.`;
  return errors > 0 ? paint('red', text) : paint('yellow', text);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
