import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';
import { preIngestBundle, type PreIngestedBundle } from '../../core/sources/preIngestedBundle';

/** The shipped runbooks' records (a chunk of its own, loaded only when the cache does not hold this bundle yet). */
export const BUNDLED_RUNBOOKS_MODULE = 'virtual:bundled-runbooks';
/** Just the bundle's version, in the main chunk: a start whose cache holds it loads nothing else. */
export const BUNDLED_VERSION_MODULE = 'virtual:bundled-runbooks-version';

const RESOLVED = new Map([BUNDLED_RUNBOOKS_MODULE, BUNDLED_VERSION_MODULE].map((id) => [`\0${id}`, id]));

/** Every Markdown file under `dir`, with its path relative to `root` (`/`-separated). Walked by hand: Node 20's first releases have no `parentPath`. */
function readRunbookTexts(dir: string, root = dir): { path: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = join(dir, entry.name);
    if (entry.isDirectory()) return readRunbookTexts(file, root);
    if (!entry.isFile() || !/\.(md|markdown)$/i.test(entry.name)) return [];
    return [{ path: relative(root, file).split(sep).join('/'), text: readFileSync(file, 'utf8') }];
  });
}

/**
 * Ingests `runbooksDir` when the app is built (or served by `vite`), with the same core ingest the app runs,
 * so the first start writes ready records instead of parsing every bundled runbook on the phone. The dev
 * server re-reads the folder when a runbook changes; a change to ingest itself restarts it (the config's own
 * imports are watched), so the records never lag behind `INGEST_VERSION`.
 */
export function preIngestedRunbooks(runbooksDir: string): Plugin {
  let bundle: PreIngestedBundle | undefined;
  const current = () => (bundle ??= preIngestBundle(readRunbookTexts(runbooksDir)));
  return {
    name: 'pre-ingested-runbooks',
    resolveId: (id) => (RESOLVED.has(`\0${id}`) ? `\0${id}` : undefined),
    load(id) {
      const which = RESOLVED.get(id);
      if (which === BUNDLED_VERSION_MODULE) return `export default ${JSON.stringify(current().version)};`;
      // JSON.parse of one string literal is the cheapest way for the browser to read a large object.
      if (which === BUNDLED_RUNBOOKS_MODULE) return `export default JSON.parse(${JSON.stringify(JSON.stringify(current()))});`;
      return undefined;
    },
    configureServer(server) {
      server.watcher.add(runbooksDir);
      server.watcher.on('all', (_event, path) => {
        if (relative(runbooksDir, path).startsWith('..')) return;
        bundle = undefined;
        for (const id of RESOLVED.keys()) {
          const module = server.moduleGraph.getModuleById(id);
          if (module) server.moduleGraph.invalidateModule(module);
        }
        server.ws.send({ type: 'full-reload' });
      });
    },
  };
}
