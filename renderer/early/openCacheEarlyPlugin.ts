import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import type { Plugin } from 'vite';

const ENTRY = fileURLToPath(new URL('./openCacheEarlyScript.ts', import.meta.url));

/**
 * Adds to the built page a classic `async` script that starts opening the cache (openCacheEarly.ts). A module
 * script would not do: Vite bundles every module script of the page into the main chunk, which is what it
 * must not wait for. Built with esbuild as a self-contained script; its name carries a hash of its content so
 * the service worker's precache and the HTTP cache never serve a stale copy. The Content-Security-Policy's
 * `script-src 'self'` allows it, in the browser and in Electron.
 */
export function openCacheEarlyScript(): Plugin {
  let fileName = '';
  return {
    name: 'open-cache-early-script',
    apply: 'build',
    buildStart() {
      const built = buildSync({ entryPoints: [ENTRY], bundle: true, format: 'iife', minify: true, target: 'es2020', write: false });
      const source = built.outputFiles[0]!.text;
      fileName = `assets/openCacheEarly-${createHash('sha256').update(source).digest('hex').slice(0, 8)}.js`;
      this.emitFile({ type: 'asset', fileName, source });
    },
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'script', attrs: { async: true, src: `./${fileName}` }, injectTo: 'head' }],
    },
  };
}
