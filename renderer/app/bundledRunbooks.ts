import type { BundledFile } from '../../core/sources/bundledChangeSet';

// The shipped runbooks are compiled into the app, so the first start needs no network at all.
const texts = import.meta.glob<string>('../../runbooks/**/*.{md,markdown}', { query: '?raw', import: 'default', eager: true });

export function bundledRunbookFiles(): BundledFile[] {
  const encoder = new TextEncoder();
  return Object.entries(texts).map(([key, text]) => ({
    path: key.replace(/^\.\.\/\.\.\/runbooks\//, ''),
    bytes: encoder.encode(text),
  }));
}
