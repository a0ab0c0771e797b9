import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { preIngestedRunbooks } from './renderer/app/preIngestedRunbooksPlugin';
import { webContentSecurityPolicy } from './renderer/pwa/webContentSecurityPolicy';
import { openCacheEarlyScript } from './renderer/early/openCacheEarlyPlugin';

const THEME_LIGHT = '#f7f7f5';
const THEME_DARK = '#15171a';

// One renderer for both targets: `dist/web` is served as a PWA and loaded by Electron over `app://`.
/** The files the installed app opens: Git bundles and zips of runbook folders. */
const OFFLINE_COPY_TYPES: Record<string, string[]> = {
  'application/x-git-bundle': ['.bundle'],
  'application/zip': ['.zip'],
};

export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: 'public',
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  worker: {
    format: 'es',
    // Workers have no DOM: take the packages' worker builds instead of their browser (DOM) builds.
    plugins: () => [
      {
        name: 'worker-entity-decoder',
        enforce: 'pre' as const,
        resolveId(id: string) {
          return id === 'decode-named-character-reference'
            ? fileURLToPath(new URL('./node_modules/decode-named-character-reference/index.js', import.meta.url))
            : null;
        },
      },
    ],
  },
  resolve: {
    alias: { 'fast-text-encoding': fileURLToPath(new URL('./renderer/platform/nativeTextEncoding.ts', import.meta.url)) },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  plugins: [
    react(),
    // The bundled runbooks are ingested here, at build time, not on the phone at first start.
    preIngestedRunbooks(fileURLToPath(new URL('./runbooks', import.meta.url))),
    // The cache starts opening while the main chunk downloads and compiles.
    openCacheEarlyScript(),
    {
      // The built page carries its Content-Security-Policy itself (the dev server's React refresh needs inline script).
      name: 'content-security-policy-meta',
      apply: 'build',
      transformIndexHtml: () => [
        { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: webContentSecurityPolicy() }, injectTo: 'head-prepend' },
      ],
    },
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/*.png', 'icons/*.svg'],
      manifest: {
        id: './',
        name: 'Runbook Reader',
        short_name: 'Runbooks',
        description: 'Operational runbooks, readable offline during an outage.',
        start_url: './',
        scope: './',
        display: 'standalone',
        orientation: 'any',
        background_color: THEME_LIGHT,
        theme_color: THEME_DARK,
        categories: ['productivity', 'utilities'],
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        // Offline copies: "Open with" on the installed app (read through the launch queue), and Android's share
        // sheet (the service worker keeps the shared file for the page; see renderer/public/share-target.js).
        file_handlers: [{ action: './', accept: OFFLINE_COPY_TYPES }],
        share_target: {
          action: './share-offline-copy',
          method: 'POST',
          enctype: 'multipart/form-data',
          params: { files: [{ name: 'file', accept: ['.bundle', '.zip', ...Object.keys(OFFLINE_COPY_TYPES)] }] },
        },
      },
      workbox: {
        // The app shell (including the bundled runbooks' records, a JS chunk) is precached and served cache-first.
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest,woff2}'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        importScripts: ['share-target.js', 'static-routes.js'],
      },
    }),
  ],
});
