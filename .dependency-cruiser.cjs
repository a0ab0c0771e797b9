// Import rules of the layers (DESIGN.md, "Where things live"), checked by `npm run deps:check` and by
// test/core/architecture.test.ts. DOM globals in core/ are ESLint's part (no-restricted-globals).

/** Packages that only work in a browser page with React; the core runs in workers, Electron main and Node too. */
const DOM_ONLY = ['react', 'react-dom', 'react-router-dom', 'react-markdown', 'dexie-react-hooks', 'workbox-window'];
/** Packages that only work in Node (or only in tests). */
const NODE_ONLY = ['undici', 'proxy-from-env', 'isomorphic-git/http/node', 'fake-indexeddb', 'vitest'];

/** Matches an npm package (or one of its sub-paths) in a resolved node_modules path. */
const packages = (names) => `(^|/)node_modules/(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(/|$)`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-no-node-builtins',
      comment: 'core/ is platform-free: Node built-ins reach it only through adapters injected at the edges.',
      severity: 'error',
      from: { path: '^core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-no-electron',
      comment: 'core/ is platform-free: Electron is used by electron/ only.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: ['^electron$', packages(['electron', '@electron'])] },
    },
    {
      name: 'core-no-dom-only-packages',
      comment: 'core/ is platform-free: React and other page-only packages belong in renderer/.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: packages(DOM_ONLY) },
    },
    {
      name: 'core-no-node-only-packages',
      comment: 'core/ is platform-free: Node-only and test-only packages are injected (http, fs) or stay in tests.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: packages(NODE_ONLY) },
    },
    {
      name: 'core-no-edges',
      comment: 'core/ is the centre: it imports nothing from the edges that use it.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^(electron|renderer|cli|bench|test)/' },
    },
    {
      name: 'renderer-not-electron',
      comment: 'The renderer talks to the main process through the preload bridge and core/desktop/ipcContract only.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: ['^electron/', packages(['electron'])] },
    },
    {
      name: 'electron-not-renderer',
      comment: 'The main process shares code with the renderer through core/ only.',
      severity: 'error',
      from: { path: '^electron/' },
      to: { path: '^renderer/' },
    },
    {
      name: 'cli-not-app-edges',
      comment: 'The CLI runs in plain Node: it shares code with the app through core/ only.',
      severity: 'error',
      from: { path: '^cli/' },
      to: { path: '^(electron|renderer)/' },
    },
    {
      name: 'no-circular',
      comment: 'Import cycles make load order matter and layers blur; shared types go to the module both sides import.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      // `virtual:` modules are made by Vite plugins at build time (vite-plugin-pwa's register helper).
      to: { couldNotResolve: true, pathNot: '^virtual:' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^node_modules/', '^dist/', '^dist-electron/', '^test/fixtures/'] },
    // Type-only imports count: a cycle through types is still a cycle of concepts.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    cache: { folder: 'node_modules/.cache/dependency-cruiser', strategy: 'content' },
  },
};
