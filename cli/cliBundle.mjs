// Finds or builds the esbuild bundle the `runbook-reader` command runs from. Compiling every module through
// tsx on each start costs about half a second per thread, too much for a pre-commit hook; the bundle starts
// in a fraction of that. It is rebuilt whenever a source file under cli/ or core/, the lockfile or a
// dependency patch (build/patches/, applied on install) changes (size or modification time), into a folder
// named after those, so concurrent runs never see half a build.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIRS = ['cli', 'core', 'build/patches'];

/** Absolute path of the bundled main module; throws when it cannot be built (the caller falls back to tsx). */
export async function cliBundle(cacheDir = process.env.RUNBOOK_READER_CLI_CACHE || join(ROOT, 'node_modules/.cache/runbook-reader-cli')) {
  const key = sourceKey();
  const dir = join(cacheDir, key);
  const main = join(dir, 'main.mjs');
  if (existsSync(main)) return main;

  const building = `${dir}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(building, { recursive: true });
  try {
    const { build } = await import('esbuild');
    await build({
      absWorkingDir: ROOT,
      entryPoints: { main: 'cli/main.ts', examineWorker: 'cli/check/examineWorkerMain.ts' },
      outdir: building,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      logLevel: 'silent',
      define: { __RUNBOOK_READER_ROOT__: JSON.stringify(ROOT) },
      // Bundled CommonJS packages call require() for Node built-ins, which ES modules do not have.
      banner: { js: "import { createRequire as __cliRequire } from 'node:module'; const require = __cliRequire(import.meta.url);" },
    });
    try {
      renameSync(building, dir);
    } catch (error) {
      // Another run finished the same build first: use theirs.
      if (!existsSync(main)) throw error;
      rmSync(building, { recursive: true, force: true });
    }
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    throw error;
  }
  removeOtherBuilds(cacheDir, key);
  return main;
}

/** Names the current sources: every file's path, size and modification time, plus the lockfile's. */
function sourceKey() {
  const hash = createHash('sha1');
  const add = (path) => {
    const stat = statSync(path);
    hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`);
  };
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|mjs|js|json|patch)$/.test(entry.name)) add(path);
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(join(ROOT, dir))) walk(join(ROOT, dir));
  add(join(ROOT, 'package-lock.json'));
  hash.update(process.version);
  return hash.digest('hex').slice(0, 16);
}

function removeOtherBuilds(cacheDir, keep) {
  for (const name of readdirSync(cacheDir)) {
    // Leave builds in progress (`.tmp-`) to their owners.
    if (name !== keep && !name.includes('.tmp-')) rmSync(join(cacheDir, name), { recursive: true, force: true });
  }
}
