import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Runs the real `build:electron` script (into a temp folder) and checks what Electron will load.

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);
let outdir: string;

function requiredModules(code: string): string[] {
  return [...new Set([...code.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((match) => match[1] ?? ''))].sort();
}

beforeAll(async () => {
  outdir = await mkdtemp(path.join(tmpdir(), 'electron-bundle-'));
  const pkg = JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const script = pkg.scripts['build:electron'];
  if (!script) throw new Error('package.json has no build:electron script');
  const [command, ...args] = script.split(/\s+/).map((arg) => (arg === '--outdir=dist-electron' ? `--outdir=${outdir}` : arg));
  expect(command).toBe('esbuild');
  expect(args).toContain(`--outdir=${outdir}`);
  const esbuild = path.join(path.dirname(createRequire(import.meta.url).resolve('esbuild/package.json')), 'bin', 'esbuild');
  await run(esbuild, args, { cwd: REPO });
}, 60_000);

afterAll(async () => {
  await rm(outdir, { recursive: true, force: true });
});

describe('build:electron', () => {
  it('bundles the sandboxed preload into one CommonJS file that needs nothing but electron', async () => {
    const preload = await readFile(path.join(outdir, 'preload.cjs'), 'utf8');
    expect(requiredModules(preload)).toEqual(['electron']);
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    expect(preload).toContain('exposeInMainWorld');
  });

  it('bundles main as CommonJS needing only electron and Node built-ins', async () => {
    const main = await readFile(path.join(outdir, 'main.cjs'), 'utf8');
    const allowed = new Set(['electron', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    expect(requiredModules(main).filter((name) => !allowed.has(name))).toEqual([]);
    expect(main).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('writes the files package.json main and the window expect', async () => {
    const pkg = JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist-electron/main.cjs');
    await expect(readFile(path.join(outdir, 'main.cjs'))).resolves.toBeDefined();
    await expect(readFile(path.join(outdir, 'preload.cjs'))).resolves.toBeDefined();
  });
});
