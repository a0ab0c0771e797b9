import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
// Only the resource paths read below are typed; the whole shape is checked by electron-builder's own
// schema validation in the first test, which is stricter than a hand-written type would be.
const config = require('../../electron/builder.config.cjs') as Record<string, unknown> & {
  mac: { entitlements: string; entitlementsInherit: string; icon: string };
  win: { icon: string };
  linux: { icon: string };
};

describe('electron-builder configuration', () => {
  it("passes electron-builder's own schema validation", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('identifies the app and its output folders', () => {
    expect(config).toMatchObject({
      appId: 'tv.clpr.runbookreader',
      productName: 'Runbook Reader',
      directories: { output: 'release', buildResources: 'build' },
      asar: true,
      files: ['dist/web/**', 'dist-electron/**', 'runbooks/**', 'package.json'],
      protocols: [{ name: 'Runbook Reader', schemes: ['runbook-reader'] }],
    });
  });

  it('opens offline copies (.bundle) with the app', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'bundle', role: 'Viewer' })]);
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('targets AppImage + deb, dmg and nsis', () => {
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Utility', maintainer: expect.any(String) });
    expect(config.mac).toMatchObject({
      target: 'dmg',
      category: 'public.app-category.developer-tools',
      hardenedRuntime: true,
      entitlements: 'build/entitlements.mac.plist',
    });
    expect(config.win).toMatchObject({ target: 'nsis' });
  });

  it('points at resources that exist', () => {
    for (const file of [config.mac.entitlements, config.mac.entitlementsInherit, config.mac.icon, config.win.icon]) {
      expect(existsSync(path.join(REPO, file))).toBe(true);
    }
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(existsSync(path.join(REPO, config.linux.icon, `${size}x${size}.png`))).toBe(true);
    }
  });

  it('grants the macOS build JIT for V8 and nothing else', () => {
    const plist = readFileSync(path.join(REPO, 'build/entitlements.mac.plist'), 'utf8');
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1]);
    expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it('ships 1024×1024 and per-size PNG icons', () => {
    const pngSize = (file: string): [number, number] => {
      const bytes = readFileSync(path.join(REPO, file));
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    };
    expect(pngSize('build/icon.png')).toEqual([1024, 1024]);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) expect(pngSize(`build/icons/${size}x${size}.png`)).toEqual([size, size]);
  });

  it('has the package.json scripts that build and package the desktop app', () => {
    const { scripts } = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts['build:electron']).toMatch(/esbuild electron\/main\.ts electron\/preload\.ts/);
    for (const flag of ['--bundle', '--platform=node', '--format=cjs', '--target=node20', '--external:electron']) {
      expect(scripts['build:electron']).toContain(flag);
    }
    expect(scripts.start).toBe('npm run build:web && npm run build:electron && electron .');
    expect(scripts.dist).toBe('npm run build:web && npm run build:electron && electron-builder --config electron/builder.config.cjs');
  });
});
