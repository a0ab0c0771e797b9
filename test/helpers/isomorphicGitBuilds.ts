import { createRequire } from 'node:module';

type Git = typeof import('isomorphic-git');

/**
 * isomorphic-git's two builds, both patched (build/patches): Node and Electron load index.cjs, the browser's
 * sync worker index.js. For `it.each`, so a test of the patch runs against each.
 */
export const ISOMORPHIC_GIT_BUILDS: [string, () => Promise<Git>][] = [
  ['index.cjs (Node, Electron)', async () => createRequire(import.meta.url)('isomorphic-git') as Git],
  [
    'index.js (the browser build)',
    async () => (await import(new URL('../../node_modules/isomorphic-git/index.js', import.meta.url).href)) as Git,
  ],
];
