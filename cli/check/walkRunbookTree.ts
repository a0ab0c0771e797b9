import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { isMarkdownPath } from '../../core/check/isMarkdownPath';

export interface RunbookTree {
  /** Absolute, symlink-free path of the folder. */
  root: string;
  /** Markdown files, as paths inside the tree with `/`, sorted. */
  markdown: string[];
  /** Every other file (images, PDFs, Markdown in hidden folders), so links to them can be resolved. */
  assets: string[];
  /** Folders that could not be listed. */
  unreadable: { path: string; message: string }[];
}

/** Folders never walked: dependencies and Git's own data. */
function isIgnoredFolder(name: string): boolean {
  return name === 'node_modules' || name === '.git';
}

/**
 * Hidden folders hold tool files (`.github` pull-request templates) rather than runbooks, but also images
 * (`.gitbook/assets`), so their files count as present without being checked as runbooks.
 */
function isHiddenFolder(name: string): boolean {
  return name.startsWith('.');
}

/**
 * Lists the files under `dir`. Symbolic links are taken only when they point to a file inside the tree;
 * links to folders are not followed (no loops, no file counted twice) and links out of the tree are ignored.
 * Throws only when `dir` itself cannot be read.
 */
export function walkRunbookTree(dir: string): RunbookTree {
  const root = realpathSync(dir);
  if (!statSync(root).isDirectory()) {
    throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
  }
  const tree: RunbookTree = { root, markdown: [], assets: [], unreadable: [] };
  readdirSync(root); // A folder that cannot be listed is a usage error, not a finding.
  visit(tree, root, '', false);
  return tree;
}

function visit(tree: RunbookTree, absolute: string, relative: string, hidden: boolean): void {
  let entries;
  try {
    entries = readdirSync(absolute, { withFileTypes: true });
  } catch (error) {
    tree.unreadable.push({ path: relative, message: describe(error) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = relative ? `${relative}/${entry.name}` : entry.name;
    const full = join(absolute, entry.name);
    if (entry.isDirectory()) {
      if (!isIgnoredFolder(entry.name)) visit(tree, full, path, hidden || isHiddenFolder(entry.name));
    } else if (entry.isFile() || (entry.isSymbolicLink() && isFileInside(tree.root, full))) {
      (isMarkdownPath(path) && !hidden ? tree.markdown : tree.assets).push(path);
    }
  }
}

function isFileInside(root: string, link: string): boolean {
  try {
    const target = realpathSync(link);
    return target.startsWith(root + sep) && lstatSync(target).isFile();
  } catch {
    return false;
  }
}

export function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  if (e?.code === 'ENOENT') return 'no such file or folder';
  if (e?.code === 'ENOTDIR') return 'not a directory';
  return e?.message ?? String(error);
}
