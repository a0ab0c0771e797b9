import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeTypeFor, resolveAppRequest } from '../../electron/appBundlePaths';

const ROOT = path.resolve('/opt/runbook-reader/resources/app.asar/dist/web');
const inRoot = (...parts: string[]): string => path.join(ROOT, ...parts);

describe('resolveAppRequest maps app:// URLs to files inside dist/web', () => {
  it.each([
    ['app://bundle/', inRoot('index.html'), 'text/html; charset=utf-8', false],
    ['app://bundle', inRoot('index.html'), 'text/html; charset=utf-8', false],
    ['app://bundle/index.html', inRoot('index.html'), 'text/html; charset=utf-8', false],
    ['app://bundle/assets/index-3f2a.js', inRoot('assets', 'index-3f2a.js'), 'text/javascript; charset=utf-8', false],
    ['app://bundle/assets/index-3f2a.css?v=1#x', inRoot('assets', 'index-3f2a.css'), 'text/css; charset=utf-8', false],
    ['app://bundle/assets/search.worker-1.mjs', inRoot('assets', 'search.worker-1.mjs'), 'text/javascript; charset=utf-8', false],
    ['app://bundle/manifest.webmanifest', inRoot('manifest.webmanifest'), 'application/manifest+json; charset=utf-8', false],
    ['app://bundle/icons/icon%20192.png', inRoot('icons', 'icon 192.png'), 'image/png', false],
    ['app://bundle/favicon.svg', inRoot('favicon.svg'), 'image/svg+xml', false],
    ['app://bundle/fonts/inter.woff2', inRoot('fonts', 'inter.woff2'), 'font/woff2', false],
    // Client-side routes: served from index.html when no such file exists.
    ['app://bundle/search', inRoot('search'), 'application/octet-stream', true],
    ['app://bundle/runbooks/bundled/db/failover.md', inRoot('runbooks', 'bundled', 'db', 'failover.md'), 'application/octet-stream', true],
    ['app://bundle/settings/', inRoot('index.html'), 'text/html; charset=utf-8', false],
    // The URL parser resolves dot segments before we see them: they cannot climb out.
    ['app://bundle/../../etc/passwd', inRoot('etc', 'passwd'), 'application/octet-stream', true],
    ['app://bundle/assets/%2e%2e/%2e%2e/secret.js', inRoot('secret.js'), 'text/javascript; charset=utf-8', false],
  ])('%s', (url, filePath, mimeType, fallbackToIndex) => {
    expect(resolveAppRequest(url, ROOT)).toEqual({ kind: 'file', filePath, mimeType, fallbackToIndex });
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['a look-alike host', 'app://bundle.evil/index.html'],
    ['credentials', 'app://x@bundle/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['https', 'https://bundle/index.html'],
    ['not a URL', 'nonsense'],
    ['encoded slash traversal', 'app://bundle/assets/..%2f..%2f..%2fetc%2fpasswd'],
    ['encoded slash', 'app://bundle/a%2Fb.js'],
    ['encoded backslash traversal', 'app://bundle/..%5c..%5cwindows%5cwin.ini'],
    ['raw backslash', 'app://bundle/assets/..\\..\\secret.js'],
    ['encoded NUL', 'app://bundle/index.html%00.js'],
    ['encoded newline', 'app://bundle/a%0a.js'],
    ['drive letter', 'app://bundle/C:/Windows/win.ini'],
    ['alternate data stream', 'app://bundle/index.html::$DATA'],
    ['invalid percent-encoding', 'app://bundle/%E0%A4%A.js'],
    ['empty segment', 'app://bundle/assets//index.js'],
    ['double-encoded dot-dot (decoded once to a literal %2e%2e name)', 'app://bundle/%252e%252e/x.js'],
  ])('refuses %s', (_name, url) => {
    const target = resolveAppRequest(url, ROOT);
    if (target.kind === 'file') {
      // The only acceptable "file" answer is one that stays inside the root.
      expect(path.relative(ROOT, target.filePath).startsWith('..')).toBe(false);
      expect(target.filePath.startsWith(ROOT + path.sep)).toBe(true);
      expect(target.filePath).not.toMatch(/\.\.[\\/]/);
    } else {
      expect(target.kind).toBe('not-found');
    }
  });

  it('never returns a path outside the root, for many hostile paths', () => {
    const pieces = ['..', '%2e%2e', '%2E%2E', '.%2e', '%2e.', '...', '%252e', '%c0%ae', '%2f', '%5c', '\\', 'a', ''];
    for (const a of pieces) {
      for (const b of pieces) {
        for (const c of pieces) {
          const target = resolveAppRequest(`app://bundle/${a}/${b}/${c}/x.js`, ROOT);
          if (target.kind === 'file') expect(target.filePath.startsWith(ROOT + path.sep)).toBe(true);
        }
      }
    }
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.HTML', 'text/html; charset=utf-8'],
    ['app.js.map', 'application/json; charset=utf-8'],
    ['icon.ico', 'image/x-icon'],
    ['search.wasm', 'application/wasm'],
    ['notes.md', 'application/octet-stream'],
    ['Makefile', 'application/octet-stream'],
  ])('%s → %s', (name, type) => {
    expect(mimeTypeFor(name)).toBe(type);
  });
});
