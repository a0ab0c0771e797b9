import type { ExaminedFile, ExaminedRunbook } from './examineRunbookFile';
import { finding, type Finding } from './finding';

interface NameUse {
  path: string;
  name: string;
  kind: 'title' | 'alias';
  line?: number | undefined;
}

/**
 * Titles and aliases are how people find a runbook by name, so each must lead to one runbook. Compared
 * ignoring case. A repeated title is reported on every runbook after the first (in path order); an alias
 * that repeats another runbook's title or alias is reported on the alias.
 */
export function checkDuplicateNames(examined: readonly ExaminedFile[]): Finding[] {
  const byName = new Map<string, NameUse[]>();
  const add = (use: NameUse) => {
    const key = normaliseName(use.name);
    if (!key) return;
    const uses = byName.get(key);
    if (uses) uses.push(use);
    else byName.set(key, [use]);
  };
  const runbooks = examined
    .filter((e): e is ExaminedRunbook => e.kind === 'runbook')
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const runbook of runbooks) {
    const { lines } = runbook;
    // Only titles the author wrote: two runbooks falling back to the same file name are reported as missing-title.
    if (runbook.titleFrom === 'front-matter') add({ path: runbook.path, name: runbook.title, kind: 'title', line: lines.keys.title });
    const own = normaliseName(runbook.title);
    const seen = new Set<string>();
    for (const alias of runbook.aliases) {
      const key = normaliseName(alias);
      // An alias equal to its own title, or repeated with other capitals, is redundant but harmless.
      if (key === own || seen.has(key)) continue;
      seen.add(key);
      add({ path: runbook.path, name: alias, kind: 'alias', line: lines.aliases[alias] });
    }
  }

  const out: Finding[] = [];
  for (const uses of byName.values()) {
    if (new Set(uses.map((u) => u.path)).size < 2) continue;
    const titles = uses.filter((u) => u.kind === 'title');
    titles.slice(1).forEach((use) => {
      out.push(
        finding(
          use.path,
          'duplicate-title',
          `Title "${use.name}" is also the title of "${titles[0]!.path}"; give each runbook its own title so search finds the right one.`,
          use.line,
        ),
      );
    });
    const aliases = uses.filter((u) => u.kind === 'alias');
    aliases.forEach((use, index) => {
      const other = titles.find((t) => t.path !== use.path) ?? aliases.slice(0, index).find((a) => a.path !== use.path);
      if (!other) return;
      out.push(
        finding(
          use.path,
          'duplicate-alias',
          `Alias "${use.name}" is also the ${other.kind} of "${other.path}"; an alias must lead to one runbook.`,
          use.line,
        ),
      );
    });
  }
  return out;
}

function normaliseName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}
