import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const readJson = (path: string) =>
  JSON.parse(readFileSync(resolve(ROOT, path), 'utf8')) as { version?: string; devDependencies?: Record<string, string> };

describe('the Electron version the app is built on', () => {
  it('is pinned exactly, installed, and the one the README names', () => {
    const pinned = readJson('package.json').devDependencies?.electron;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(readJson('node_modules/electron/package.json').version).toBe(pinned);
    const major = pinned!.split('.')[0]!;
    const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`built on **Electron ${major}**`);
    expect(readme).toContain(`\`electron\` ${pinned}`);
  });
});
