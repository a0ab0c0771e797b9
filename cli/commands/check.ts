import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { posix } from 'node:path';
import { compareFindings, countFindings, finding, type Finding } from '../../core/check/finding';
import { formatGithub } from '../../core/check/formatGithub';
import { formatJson } from '../../core/check/formatJson';
import { formatText } from '../../core/check/formatText';
import { judgeExaminedFiles } from '../../core/check/judgeExaminedFiles';
import { checkAlertRules, type NamedAlertRuleFile } from '../../core/check/alertRules/checkAlertRules';
import { MAX_ALERT_RULE_FILE_BYTES, readAlertRuleFile } from '../../core/check/alertRules/readAlertRuleFile';
import { expandAlertRuleGlobs } from '../check/expandAlertRuleGlobs';
import { ExaminationCache } from '../check/examinationCache';
import { examineTree } from '../check/examineTree';
import { findRepositoryFolder } from '../check/findRepositoryFolder';
import { CHECK_USAGE, localToday, readCheckArguments, type CheckArguments } from '../check/readCheckArguments';
import { describe, walkRunbookTree, type RunbookTree } from '../check/walkRunbookTree';
import { usageError } from '../usageError';

/** `runbook-reader check [DIR] …`: 0 clean, 1 findings at the failing level, 2 usage error or unreadable DIR. */
export const checkCommand = async (argv: string[]): Promise<number> => {
  const parsed = readCheckArguments(argv, localToday());
  if (!parsed.ok) return usageError('check', parsed.reason);
  const args = parsed.args;
  if (args.help) {
    process.stdout.write(`${CHECK_USAGE}\n`);
    return 0;
  }

  let tree: RunbookTree;
  try {
    tree = walkRunbookTree(args.dir);
  } catch (error) {
    return usageError('check', `cannot read folder "${args.dir}": ${describe(error)}`);
  }

  let examined;
  try {
    examined = await examineTree(tree, {
      parallelism: availableParallelism(),
      cache: args.cache ? ExaminationCache.open(tree.root) : undefined,
    });
  } catch (error) {
    // Exit 1 means "findings"; a check that could not finish must not look like one.
    process.stderr.write(`runbook-reader check: could not finish the check: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const findings = judgeExaminedFiles(examined, {
    maxAgeDays: args.maxAgeDays,
    today: args.today,
    assetPaths: tree.assets,
    repoFolder: findRepositoryFolder(args.dir),
  });
  const ruleFileFindings: Finding[] = [];
  const alerts = checkAlertRules(readRuleFiles(args.alertRules, ruleFileFindings), examined);
  findings.push(...alerts.inRunbooks);
  ruleFileFindings.push(...alerts.inRuleFiles);
  for (const folder of tree.unreadable) {
    findings.push(finding(folder.path, 'skipped-file', `Folder not checked: it could not be read (${folder.message}).`));
  }
  // Rule files are named as the user gave them; runbooks relative to DIR.
  const shown = [...findings.map((f) => ({ ...f, file: displayPath(args.dir, f.file) })), ...ruleFileFindings].sort(compareFindings);

  process.stdout.write(format(shown, args, tree.markdown.length));
  const { errors, warnings } = countFindings(shown);
  return errors > 0 || (args.strict && warnings > 0) ? 1 : 0;
};

/** Reads the `--alert-rules` files; a pattern that matches nothing is a finding, not a crash. */
function readRuleFiles(patterns: readonly string[], findings: Finding[]): NamedAlertRuleFile[] {
  const { files, problems } = expandAlertRuleGlobs(patterns);
  for (const problem of problems) {
    findings.push(finding(problem.pattern, 'alert-rules-invalid', `Alert rules "${problem.pattern}" not read: ${problem.reason}.`));
  }
  return files.map((file) => {
    try {
      if (statSync(file).size > MAX_ALERT_RULE_FILE_BYTES) {
        return { file, read: { ok: false, reason: `the file is larger than ${MAX_ALERT_RULE_FILE_BYTES / 1024 / 1024} MiB` } };
      }
      return { file, read: readAlertRuleFile(readFileSync(file, 'utf8')) };
    } catch (error) {
      return { file, read: { ok: false, reason: `it could not be read (${describe(error)})` } };
    }
  });
}

function format(findings: Finding[], args: CheckArguments, files: number): string {
  switch (args.format) {
    case 'json':
      return formatJson(findings, { files });
    case 'github':
      return formatGithub(findings, { files });
    case 'text':
      return formatText(findings, { files, color: process.stdout.isTTY === true && !process.env.NO_COLOR });
  }
}

/**
 * Findings name files as the user named the folder (`runbooks/db.md` for `check runbooks`), so that paths
 * are relative to where the command ran, which is what GitHub annotations and editors expect.
 */
function displayPath(dir: string, path: string): string {
  const base = posix.normalize(dir.replace(/\\/g, '/'));
  if (base === '.' || base === './') return path;
  return posix.join(base, path);
}
