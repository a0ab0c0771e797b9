/**
 * Maps an `app://bundle/...` request to a file of the built renderer (`dist/web/`).
 * Pure: the protocol handler in `electron/appProtocol.ts` does the reading.
 */
import path from 'node:path';
import { isAppUrl } from './policy/appOrigin';

export const INDEX_FILE = 'index.html';

/** Content types of the files Vite emits. Anything else is served as opaque bytes. */
const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};
export const OPAQUE_MIME_TYPE = 'application/octet-stream';

export type AppRequestTarget =
  | {
      kind: 'file';
      filePath: string;
      mimeType: string;
      /**
       * True when a missing file should be answered with index.html: the path looks like a
       * client-side route (no known asset extension), not like a missing script or stylesheet.
       */
      fallbackToIndex: boolean;
    }
  | { kind: 'not-found'; reason: string };

/** Content type for a file name, by extension. */
export function mimeTypeFor(fileName: string): string {
  return MIME_TYPES[path.extname(fileName).toLowerCase()] ?? OPAQUE_MIME_TYPE;
}

function notFound(reason: string): AppRequestTarget {
  return { kind: 'not-found', reason };
}

/** Decodes one path segment; returns undefined for anything that could leave its folder. */
function safeSegment(raw: string): string | undefined {
  if (raw.includes('\\') || /%(2f|5c)/i.test(raw)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  // ':' would name a Windows drive or alternate data stream; no built file has one.
  if (decoded === '.' || decoded === '..' || /[\u0000-\u001f\u007f/\\:]/.test(decoded)) return undefined;
  return decoded;
}

function indexTarget(rootDir: string): AppRequestTarget {
  return { kind: 'file', filePath: path.resolve(rootDir, INDEX_FILE), mimeType: mimeTypeFor(INDEX_FILE), fallbackToIndex: false };
}

/** Maps a request URL to a file inside `rootDir`, or refuses it. Never throws. */
export function resolveAppRequest(url: string, rootDir: string): AppRequestTarget {
  if (!isAppUrl(url)) return notFound('Not an app://bundle/ URL.');
  // Safe after isAppUrl, which already parsed it.
  const { pathname } = new URL(url);
  const rawSegments = pathname.split('/').slice(1);
  const last = rawSegments[rawSegments.length - 1];
  // "/" or a "folder/" path: the app's entry page (client-side routing takes it from there).
  if (last === undefined || last === '') return indexTarget(rootDir);

  const segments: string[] = [];
  for (const raw of rawSegments) {
    const segment = raw === '' ? undefined : safeSegment(raw);
    if (segment === undefined) return notFound('The path has an unsafe or empty segment.');
    segments.push(segment);
  }

  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...segments);
  const relative = path.relative(root, filePath);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    return notFound('The path leaves the app bundle.');
  }
  const mimeType = mimeTypeFor(filePath);
  return { kind: 'file', filePath, mimeType, fallbackToIndex: mimeType === OPAQUE_MIME_TYPE };
}
