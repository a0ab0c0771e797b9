import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** A glob that walks more files than this is cut short (with a note), so `/**` cannot walk a whole disk. */
const MAX_WALKED_ENTRIES = 200_000;

export interface ExpandedRuleFiles {
  /** Files to read, as the user would name them (relative to the working folder when given relatively). */
  files: string[];
  /** Patterns or names that matched nothing, and why. */
  problems: { pattern: string; reason: string }[];
}

/**
 * Expands `--alert-rules` values: a plain path is taken as is (a missing one is reported), a glob (`*`, `?`,
 * `**`, `[…]`) is matched against the files under its fixed leading folders. Node 20 has no `fs.glob`, and
 * shells leave quoted patterns alone, so this small matcher covers what rule files need.
 */
export function expandAlertRuleGlobs(patterns: readonly string[], cwd = process.cwd()): ExpandedRuleFiles {
  const files = new Set<string>();
  const problems: ExpandedRuleFiles['problems'] = [];
  for (const raw of patterns) {
    const pattern = raw.replace(/\\/g, '/');
    if (!/[*?[]/.test(pattern)) {
      try {
        if (statSync(resolve(cwd, pattern)).isFile()) files.add(raw);
        else problems.push({ pattern: raw, reason: 'it is not a file' });
      } catch {
        problems.push({ pattern: raw, reason: 'no such file' });
      }
      continue;
    }
    const segments = pattern.split('/');
    const firstGlob = segments.findIndex((s) => /[*?[]/.test(s));
    const base = segments.slice(0, firstGlob).join('/');
    const matcher = globToRegExp(segments.slice(firstGlob).join('/'));
    const found: string[] = [];
    let walked = 0;
    const walk = (relative: string) => {
      let entries;
      try {
        entries = readdirSync(resolve(cwd, base, relative), { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        if (++walked > MAX_WALKED_ENTRIES) return;
        const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
        if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== '.git') walk(path);
        else if (entry.isFile() && matcher.test(path)) found.push(base === '' ? path : join(base, path).replace(/\\/g, '/'));
      }
    };
    walk('');
    if (walked > MAX_WALKED_ENTRIES) problems.push({ pattern: raw, reason: `it walks more than ${MAX_WALKED_ENTRIES} entries` });
    if (found.length === 0) problems.push({ pattern: raw, reason: 'no file matches it' });
    for (const file of found.sort()) files.add(file);
  }
  return { files: [...files], problems };
}

/** `**` any folders, `*` and `?` within one name, `[...]` a character class. */
function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close === -1) out += '\\[';
      else {
        out += `[${glob
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else out += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}
